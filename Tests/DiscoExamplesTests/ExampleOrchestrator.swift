import Disco
import DiscoExamples
import Foundation

/// An orchestrator of the example aggregates on a fresh in-memory store. (Wallet is left out:
/// command names are global in the dynamic API, and both Wallet and BankAccount have `deposit`.)
func startExamples() async throws -> Orchestrator {
    try await Orchestrator.start(
        [BankAccount.self, ShoppingCart.self, TaskItem.self, LibraryLoan.self],
        store: InMemoryEventStore()
    )
}

extension AggregateState {
    /// The aggregate's id as a param value.
    var idParam: Value { .string(id.uuidString) }
}
