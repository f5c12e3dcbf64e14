import Foundation

/// What is registered, and one aggregate's current state: for HTTP adapters and consoles.
extension Orchestrator {
    /// Every registered aggregate type with its commands and queries, sorted by name.
    public nonisolated func aggregates() -> [AggregateDescription] {
        runtimesByAggregate.values
            .map { AggregateDescription(name: $0.aggregateName, commands: $0.commandNames, queries: $0.queryNames) }
            .sorted { $0.name < $1.name }
    }

    /// The aggregate type that has a command of this name; `nil` when none has.
    public nonisolated func aggregate(ofCommand name: String) -> String? {
        runtimesByCommand[name]?.aggregateName
    }

    /// The aggregate type that has a query of this name; `nil` when none has.
    public nonisolated func aggregate(ofQuery name: String) -> String? {
        runtimesByQuery[name]?.aggregateName
    }

    /// The current state of one aggregate with its version: what its events so far left.
    /// - Parameters:
    ///   - aggregate: The aggregate type's name: `Wallet`.
    ///   - id: The aggregate's id.
    /// - Returns: The state; `nil` when no aggregate type has that name or the aggregate has
    ///   no events.
    /// - Throws: The store's error when its events cannot be read.
    public nonisolated func state(of aggregate: String, id: UUID) async throws(EventStoreError) -> AggregateState? {
        guard let runtime = runtimesByAggregate[aggregate] else { return nil }
        do {
            return try await runtime.currentState(id)
        } catch {
            // Loading a state fails only when the store does.
            if case .storeFailure(let storeError) = error { throw storeError }
            throw EventStoreError(.io, "\(error)")
        }
    }
}
