import Disco
import DiscoExamples
import DiscoTesting
import Foundation
import Testing

/// A typed scenario validates the command's params as the orchestrator does: a command the
/// spec's rules refuse is invalid, with the messages the dynamic API reports, and never reaches
/// the aggregate's decision.
@Suite struct TypedScenarioValidationTests {
    let user = UUID(uuidString: "0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41") ?? UUID()

    @Test func aTypedDepositOfZeroIsInvalid() {
        Scenario<Wallet>()
            .given(.walletCreated(.init(userId: user, balance: 10)))
            .when { id in .deposit(.init(id: id, amount: 0)) }
            .thenInvalid(["amount": ["must be a number greater than 0"]])
    }

    @Test func aTypedNegativeOpeningBalanceIsInvalid() {
        Scenario<Wallet>()
            .when(.createWallet(.init(userId: user, balance: -1)))
            .thenInvalid(["balance": ["must be a number greater than or equal to 0"]])
    }

    @Test func everyBrokenRuleOfATypedCommandIsReported() {
        Scenario<TaskItem>()
            .when(.createTask(.init(title: "ab", priority: 9)))
            .thenInvalid([
                "title": ["must have a length of at least 3"],
                "priority": ["must be a number less than or equal to 5"],
            ])
    }

    /// Invalid params are reported before the aggregate is looked up, as the orchestrator
    /// parses a command before it loads the stream: not `{id: ["not found"]}`.
    @Test func invalidParamsComeBeforeNotFound() {
        Scenario<Wallet>()
            .when { id in .deposit(.init(id: id, amount: -5)) }
            .thenInvalid(["amount": ["must be a number greater than 0"]])
    }

    @Test(arguments: [0, -1, 0.5, 5])
    func typedAndDynamicDepositsAgree(amount: Double) {
        let wallet = Scenario<Wallet>().given(.walletCreated(.init(userId: user, balance: 10)))
        let typed = wallet.when { id in .deposit(.init(id: id, amount: amount)) }.result
        let dynamic = wallet.when("deposit", ["amount": Value(amount)]).result
        #expect(typed.description == dynamic.description)
    }

    @Test func aValidTypedCommandStillRuns() {
        Scenario<Wallet>()
            .given(.walletCreated(.init(userId: user, balance: 10)))
            .when { id in .deposit(.init(id: id, amount: 5)) }
            .then(.moneyDeposited(.init(amount: 5)))
    }
}
