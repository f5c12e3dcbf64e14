import Disco
import DiscoExamples
import DiscoTesting
import Foundation
import Testing

/// The hand-written decision of `close_account` (BankAccount+Decisions.swift), pure and without
/// a store, in Given/When/Then over the typed and the dynamic API.
@Suite struct BankAccountDecisionsTests {
    let opened = BankAccount.Event.accountOpened(.init(holder: "Ada", overdraftLimit: 0, currency: "EUR"))
    let openedPayload = ScenarioEvent(
        "account_opened",
        version: 3,
        ["holder": "Ada", "overdraft_limit": 0, "currency": "EUR"]
    )

    // MARK: typed API

    @Test func anEmptyAccountCloses() {
        given(BankAccount.self, opened)
            .when { id in .closeAccount(.init(id: id)) }
            .then(.accountClosed(.init()))
            .thenState { #expect($0.closed) }
    }

    @Test func closingChangesOnlyTheClosedFlag() {
        let account = Scenario<BankAccount>().given(
            opened,
            .fundsDeposited(.init(amount: 1)),
            .moneyWithdrawn(.init(amount: 1))
        )
        var expected = account.state
        expected.closed = true
        account
            .when { id in .closeAccount(.init(id: id)) }
            .then(.accountClosed(.init()))
            .thenState(expected)
    }

    @Test func anAccountWithMoneyDoesNotClose() {
        given(BankAccount.self, opened, .fundsDeposited(.init(amount: 1)))
            .when { id in .closeAccount(.init(id: id)) }
            .thenRejected(["balance": ["must be zero to close the account"]])
    }

    @Test func anOverdrawnAccountDoesNotCloseEither() {
        given(
            BankAccount.self,
            .accountOpened(.init(holder: "Ada", overdraftLimit: 100, currency: "EUR")),
            .moneyWithdrawn(.init(amount: 20))
        )
        .when { id in .closeAccount(.init(id: id)) }
        .thenRejected(["balance": ["must be zero to close the account"]])
    }

    @Test func aClosedAccountDoesNotCloseAgain() {
        given(BankAccount.self, opened, .accountClosed(.init()))
            .when { id in .closeAccount(.init(id: id)) }
            .thenRejected(["base": ["account is already closed"]])
    }

    @Test func everyBrokenRuleIsReportedAtOnce() {
        given(BankAccount.self, opened, .fundsDeposited(.init(amount: 2)), .accountClosed(.init()))
            .when { id in .closeAccount(.init(id: id)) }
            .thenRejected([
                "base": ["account is already closed"], "balance": ["must be zero to close the account"],
            ])
    }

    // MARK: dynamic API

    @Test func anEmptyAccountClosesByName() {
        Scenario<BankAccount>()
            .given(openedPayload)
            .when("close_account")
            .then(events: [ScenarioEvent("account_closed")])
            .thenState(["closed": true, "balance": 0, "owner": "Ada"])
    }

    @Test func anAccountWithMoneyDoesNotCloseByName() {
        Scenario<BankAccount>()
            .given(openedPayload, ScenarioEvent("funds_deposited", ["amount": 1]))
            .when("close_account")
            .thenRejected(["balance": ["must be zero to close the account"]])
    }

    @Test func onlyAnExistingAccountCloses() {
        Scenario<BankAccount>().when("close_account").thenRejected(["id": ["not found"]])
    }

    @Test func closingTakesNoParamsButTheID() {
        Scenario<BankAccount>()
            .given(openedPayload)
            .when("close_account", ["reason": "moving"])
            .thenInvalid(["reason": ["is not a known parameter"]])
    }

    @Test func theDynamicAPIReadsLikeTheTypedOne() {
        Scenario<BankAccount>()
            .given(openedPayload)
            .when("deposit", ["amount": 5])
            .then(events: [ScenarioEvent("funds_deposited", ["amount": 5])])
            .thenState(["balance": 5, "owner": "Ada", "closed": false])
    }

    @Test func aCreatingCommandOnAnExistingAccountIsRefused() {
        Scenario<BankAccount>().given(openedPayload).when("open_account", ["owner": "Grace"])
            .thenRejected(["id": ["already exists"]])
    }

    // MARK: failure output

    @Test func failuresShowExpectedAgainstActual() {
        let line = #line + 4
        withKnownIssue {
            Scenario<BankAccount>().given(openedPayload)
                .when("deposit", ["amount": 5])
                .then(events: [ScenarioEvent("funds_deposited", ["amount": 6])])
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return issue.sourceLocation?.line == line
                && text.contains("deposit {amount: 5} recorded other events")
                && text.contains("  - funds_deposited {amount: 6}")
                && text.contains("  + funds_deposited {amount: 5}")
        }
        withKnownIssue {
            Scenario<BankAccount>().given(openedPayload).when("deposit", ["amount": 5]).thenState(["balance": 4])
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains("balance: expected 4, actual 5")
        }
        withKnownIssue {
            Scenario<BankAccount>().given(openedPayload).when("deposit", ["amount": -5]).thenRejected(["amount": ["x"]])
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains(
                "actual:   invalid params {amount: [\"must be a number greater than 0\"]}"
            )
        }
        withKnownIssue {
            given(BankAccount.self, opened, .fundsDeposited(.init(amount: 1)))
                .when { id in .closeAccount(.init(id: id)) }
                .then(.accountClosed(.init()))
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains(
                "close_account was not accepted\n  expected: events\n  actual:   rejected with"
            )
        }
    }
}
