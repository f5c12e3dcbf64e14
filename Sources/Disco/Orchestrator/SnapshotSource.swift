import Foundation

/// Where an aggregate's state can be loaded from without replaying its whole stream: a hook
/// for stores that keep snapshots.
///
/// When a state is not cached and the read model does not hold it, the orchestrator asks its
/// snapshot source, then reads only the events after the snapshot's version with
/// ``EventStore/read(stream:after:)``. A snapshot must be the state after exactly
/// `version` events of the stream.
public protocol SnapshotSource: Sendable {
    /// The latest snapshot of an aggregate, `nil` when there is none.
    /// - Parameters:
    ///   - type: The aggregate type.
    ///   - id: The aggregate's id.
    /// - Throws: Any error; the orchestrator reports it as a store failure.
    func snapshot<State: Aggregate>(of type: State.Type, id: UUID) async throws -> AggregateSnapshot<State>?
}
