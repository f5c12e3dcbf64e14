import Disco
import DiscoExamples
import DiscoTesting
import Testing

/// The generated tests of `Tests/Fixtures/Examples/wrong_wallet.yml`, whose examples are wrong
/// on purpose, fail at the example's line in the spec with expected against actual.
///
/// Their suite is generated disabled (`disco-gen tests --disabled`), so only these tests run it.
@Suite struct WrongExampleTests {
    static let spec = "Tests/Fixtures/Examples/wrong_wallet.yml"

    @Test func wrongEventsAndStateShowTheirDiffAtTheExamplesLine() {
        withKnownIssue {
            WrongWalletExamples().aDepositRecordsTheWrongAmount()
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined(separator: "\n")
            return issue.sourceLocation?.filePath == Self.spec && issue.sourceLocation?.line == 46
                && (text.contains(
                    "deposit {amount: 5} recorded other events\n  (- expected, + actual)\n  - money_deposited {amount: 6}\n  + money_deposited {amount: 5.0}"
                )
                    || text.contains("deposit {amount: 5} left another state\n  balance: expected 16, actual 15.0"))
        }
    }

    @Test func aRefusalWhereEventsWereExpectedShowsTheErrorMap() {
        withKnownIssue {
            WrongWalletExamples().aWithdrawalBeyondTheBalanceIsAccepted()
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined(separator: "\n")
            return issue.sourceLocation?.filePath == Self.spec && issue.sourceLocation?.line == 53
                && text.contains(
                    "withdraw {amount: 20} was not accepted\n  expected: events\n  actual:   rejected with {amount: [\"exceeds the balance\"]}"
                )
        }
    }

    @Test func aWrongMessageShowsBothErrorMaps() {
        withKnownIssue {
            WrongWalletExamples().aNegativeBalanceGetsTheWrongMessage()
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined(separator: "\n")
            return issue.sourceLocation?.filePath == Self.spec && issue.sourceLocation?.line == 59
                && text.contains("  expected: {balance: [\"must be positive\"]}")
                && text.contains("  actual:   {balance: [\"must be a number greater than or equal to 0\"]}")
        }
    }
}
