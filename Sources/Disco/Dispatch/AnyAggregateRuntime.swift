import Foundation

/// A command that passed validation, with the id of the aggregate it is for and the work
/// that records it: what a background dispatch runs.
struct PreparedCommand: Sendable {
    let aggregateID: UUID
    let run: @Sendable () async throws(DispatchError) -> AggregateState
}

/// What the orchestrator needs of one aggregate type, whatever the type.
protocol AnyAggregateRuntime: Actor {
    nonisolated var aggregateName: String { get }
    nonisolated var commandNames: [String] { get }
    nonisolated var queryNames: [String] { get }

    /// Validates and records a command in one turn of the runtime.
    func dispatch(
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata
    ) async throws(DispatchError)
        -> AggregateState
    /// Validates a command and reserves its id, to record it later.
    func prepare(_ name: String, _ params: Params, metadata: CommandMetadata) throws(DispatchError) -> PreparedCommand
    func query(_ name: String, _ params: Params) throws(QueryError) -> QueryResult
    /// The current state of one aggregate; `nil` when it does not exist.
    func currentState(_ id: UUID) async throws(DispatchError) -> AggregateState?
    func replay(_ events: [RecordedEvent]) throws
    func restore(_ streams: [StreamSummary]) async throws
    func remember(_ commands: [RecordedCommand])
}
