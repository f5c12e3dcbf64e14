/// Where snapshots of aggregates are kept: the latest one of each stream.
///
/// Snapshots are a cache of what the events already say: losing one only makes the next
/// load replay more events. ``InMemorySnapshotStore`` is for tests; ``JSONLinesEventStore``
/// keeps its snapshots beside its events (``JSONLinesEventStore/snapshots``).
public protocol SnapshotStore: Sendable {
    /// The latest snapshot of a stream; `nil` when there is none.
    func snapshot(of stream: StreamID) async throws -> Snapshot?

    /// Keeps a snapshot, replacing an older one of the same stream. A snapshot with a lower
    /// version than the one kept is ignored.
    func save(_ snapshot: Snapshot) async throws
}
