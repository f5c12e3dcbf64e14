import Disco
import DiscoExamples
import Foundation
import Testing

/// The typed client checks the spec's rules on its typed values (``ValueChecks``) instead
/// of building params: the errors are exactly those the dynamic API reports for the same
/// values, and nothing is recorded.
@Suite struct TypedValidationTests {
    /// The dynamic API's error and the typed client's for the same command.
    private func bothErrors(
        _ name: String,
        _ params: Params,
        typed: (TaskItem.Client) async throws(DispatchError) -> TaskItem
    ) async throws -> (dynamic: DispatchError?, typed: DispatchError?) {
        let orchestrator = try await Orchestrator.start([TaskItem.self], store: InMemoryEventStore())
        let dynamic = await #expect(throws: DispatchError.self) { try await orchestrator.dispatch(name, params) }
        let typedError = await #expect(throws: DispatchError.self) { try await typed(TaskItem.Client(orchestrator)) }
        return (dynamic, typedError)
    }

    @Test func brokenRulesOnSeveralFieldsAreReportedAsTheDynamicAPIReportsThem() async throws {
        let errors = try await bothErrors("create_task", ["title": "ab", "priority": 9]) {
            client throws(DispatchError) in
            try await client.createTask(title: "ab", priority: 9)
        }
        #expect(errors.typed == errors.dynamic)
        #expect(
            errors.typed
                == .invalidParams([
                    "title": ["must have a length of at least 3"],
                    "priority": ["must be a number less than or equal to 5"],
                ])
        )
    }

    @Test func aRequiredStringOfOnlyWhitespaceMustBePresent() async throws {
        let errors = try await bothErrors("create_task", ["title": "   "]) { client throws(DispatchError) in
            try await client.createTask(title: "   ")
        }
        #expect(errors.typed == errors.dynamic)
        #expect(errors.typed == .invalidParams(["title": ["must be present"]]))
    }

    @Test func aTypedCommandThatKeepsTheRulesIsRecordedWithoutParams() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let client = Wallet.Client(orchestrator)
        let wallet = try await client.createWallet(userId: UUID(), balance: 10)
        let refused = await #expect(throws: DispatchError.self) { try await client.deposit(id: wallet.id, amount: 0) }
        #expect(refused == .invalidParams(["amount": ["must be a number greater than 0"]]))
        let deposited = try await client.deposit(id: wallet.id, amount: 2.5)
        #expect(deposited.balance == 12.5)
        let recorded = await store.readAll(after: 0, limit: 10)
        #expect(recorded.map(\.eventType) == ["wallet_created", "money_deposited"])
    }
}
