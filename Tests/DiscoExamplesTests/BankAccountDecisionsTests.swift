import Disco
import DiscoExamples
import DiscoTesting
import Foundation
import Testing

/// The hand-written decision of `close_account` (BankAccount+Decisions.swift), pure and without a store.
@Suite struct BankAccountDecisionsTests {
    let opened = ScenarioEvent(
        "account_opened",
        version: 3,
        ["holder": "Ada", "overdraft_limit": 0, "currency": "EUR"]
    )

    @Test func anEmptyAccountCloses() {
        given(BankAccount.self, .accountOpened(.init(holder: "Ada", overdraftLimit: 0, currency: "EUR")))
            .when { id in .closeAccount(.init(id: id)) }
            .then(.accountClosed(.init()))
            .thenState { #expect($0.closed) }
    }

    @Test func anAccountWithMoneyDoesNotClose() {
        Scenario<BankAccount>()
            .given(opened, ScenarioEvent("funds_deposited", ["amount": 1]))
            .when("close_account")
            .thenRejected(["balance": ["must be zero to close the account"]])
    }

    @Test func aClosedAccountDoesNotCloseAgain() {
        Scenario<BankAccount>()
            .given(opened, ScenarioEvent("funds_deposited", ["amount": 2]), ScenarioEvent("account_closed"))
            .when("close_account")
            .thenRejected([
                "base": ["account is already closed"], "balance": ["must be zero to close the account"],
            ])
    }

    @Test func onlyAnExistingAccountCloses() {
        Scenario<BankAccount>().when("close_account").thenRejected(["id": ["not found"]])
    }

    @Test func closingTakesNoParamsButTheID() {
        Scenario<BankAccount>()
            .given(opened)
            .when("close_account", ["reason": "moving"])
            .thenInvalid(["reason": ["is not a known parameter"]])
    }

    @Test func theDynamicAPIReadsLikeTheTypedOne() {
        Scenario<BankAccount>()
            .given(opened)
            .when("deposit", ["amount": 5])
            .then(events: [ScenarioEvent("funds_deposited", ["amount": 5])])
            .thenState(["balance": 5, "owner": "Ada", "closed": false])
    }

    @Test func aCreatingCommandOnAnExistingAccountIsRefused() {
        Scenario<BankAccount>().given(opened).when("open_account", ["owner": "Grace"])
            .thenRejected(["id": ["already exists"]])
    }

    @Test func failuresShowExpectedAgainstActual() {
        let line = #line + 4
        withKnownIssue {
            Scenario<BankAccount>().given(opened)
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
            Scenario<BankAccount>().given(opened).when("deposit", ["amount": 5]).thenState(["balance": 4])
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains("balance: expected 4, actual 5")
        }
        withKnownIssue {
            Scenario<BankAccount>().given(opened).when("deposit", ["amount": -5]).thenRejected(["amount": ["x"]])
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains(
                "actual:   invalid params {amount: [\"must be a number greater than 0\"]}"
            )
        }
    }
}
