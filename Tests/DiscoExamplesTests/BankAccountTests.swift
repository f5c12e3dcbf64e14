import Disco
import DiscoExamples
import DiscoTesting
import Foundation
import Testing

@Suite struct BankAccountTests {
    @Test func depositsAndWithdrawalsKeepDecimalsExact() async throws {
        let bank = try await startExamples()
        let account = try await bank.dispatch("open_account", ["owner": "Ada"])
        try await bank.dispatch("deposit", ["id": account.idParam, "amount": 0.1])
        try await bank.dispatch("deposit", ["id": account.idParam, "amount": 0.2])
        let after = try await bank.dispatch("withdraw", ["id": account.idParam, "amount": 0.3])
        #expect(after["balance"] == .decimal(0))
    }

    @Test func withdrawalsStopAtTheOverdraftLimit() async throws {
        let bank = try await startExamples()
        let account = try await bank.dispatch("open_account", ["owner": "Ada", "overdraft_limit": 100])
        let overdrawn = try await bank.dispatch("withdraw", ["id": account.idParam, "amount": 100])
        #expect(overdrawn["balance"] == .decimal(-100))
        #expect(overdrawn.version == 3, "opened, withdrawn, and overdraft entered")
        await #expect(throws: DispatchError.rejected(["amount": ["exceeds the overdraft limit"]])) {
            try await bank.dispatch("withdraw", ["id": account.idParam, "amount": 0.01])
        }
    }

    @Test func theOverdraftEventIsRecordedOnlyWhenCrossingZero() {
        let account = Scenario<BankAccount>()
            .given(
                .accountOpened(.init(holder: "Ada", overdraftLimit: 50, currency: "EUR")),
                .fundsDeposited(.init(amount: 10))
            )
        account
            .when { id in .withdraw(.init(id: id, amount: 30)) }
            .then(.moneyWithdrawn(.init(amount: 30)), .overdraftEntered(.init(balance: -20)))
            .thenState { #expect($0.balance == -20) }
        account
            .when { id in .withdraw(.init(id: id, amount: 10)) }
            .then(.moneyWithdrawn(.init(amount: 10)))
    }

    @Test func frozenAccountsRefuseMoneyUntilUnfrozen() async throws {
        let bank = try await startExamples()
        let account = try await bank.dispatch("open_account", ["owner": "Ada"])
        try await bank.dispatch("freeze", ["id": account.idParam, "reason": "suspicious activity"])
        await #expect(throws: DispatchError.rejected(["base": ["account is frozen"]])) {
            try await bank.dispatch("deposit", ["id": account.idParam, "amount": 5])
        }
        await #expect(throws: DispatchError.rejected(["base": ["account is already frozen"]])) {
            try await bank.dispatch("freeze", ["id": account.idParam, "reason": "again"])
        }
        let frozen = try await bank.query("frozen_accounts")
        #expect(frozen.states.map(\.id) == [account.id])
        try await bank.dispatch("unfreeze", ["id": account.idParam])
        #expect(try await bank.query("frozen_accounts").states.isEmpty)
        await #expect(throws: DispatchError.rejected(["base": ["account is not frozen"]])) {
            try await bank.dispatch("unfreeze", ["id": account.idParam])
        }
    }

    @Test func openAccountValidatesEveryParam() async throws {
        let bank = try await startExamples()
        await #expect(
            throws: DispatchError.invalidParams([
                "owner": ["must have a length of at least 2"],
                "overdraft_limit": ["must be a number less than or equal to 5000"],
            ])
        ) {
            try await bank.dispatch("open_account", ["owner": "A", "overdraft_limit": 5000.5])
        }
        await #expect(throws: DispatchError.invalidParams(["owner": ["must be present"]])) {
            try await bank.dispatch("open_account", ["owner": "   "])
        }
    }

    @Test func closingIsDecidedByTheHandWrittenSwift() {
        let account = Scenario<BankAccount>()
            .given(
                .accountOpened(.init(holder: "Ada", overdraftLimit: 0, currency: "EUR")),
                .fundsDeposited(.init(amount: 1))
            )
        account
            .when { id in .closeAccount(.init(id: id)) }
            .thenRejected(["balance": ["must be zero to close the account"]])
        account
            .given(.moneyWithdrawn(.init(amount: 1)))
            .when("close_account")
            .then(events: [ScenarioEvent("account_closed")])
            .thenState(["closed": true, "balance": 0])
    }

    @Test func theHandWrittenDecisionRunsThroughDispatch() async throws {
        let bank = try await startExamples()
        let account = try await bank.dispatch("open_account", ["owner": "Ada"])
        let closed = try await bank.dispatch("close_account", ["id": account.idParam])
        #expect(closed["closed"] == .bool(true))
    }

    @Test func accountsOfOwnerFindsByString() async throws {
        let bank = try await startExamples()
        let ada = try await bank.dispatch("open_account", ["owner": "Ada"])
        _ = try await bank.dispatch("open_account", ["owner": "Grace"])
        #expect(try await bank.query("accounts_of_owner", ["owner": "Ada"]).states.map(\.id) == [ada.id])
    }
}
