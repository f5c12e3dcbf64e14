import Foundation

/// An aggregate's state after a number of events, as a ``SnapshotStore`` keeps it.
public struct Snapshot: Sendable, Hashable {
    /// The aggregate's stream.
    public var stream: StreamID
    /// The version of the last event folded into the state.
    public var version: Int
    /// The ``SnapshotCodable/snapshotSchema`` the state was saved under.
    public var schema: String
    /// The state's fields (``Aggregate/fields``).
    public var state: Params
    /// The ids of the last commands recorded on the stream up to ``version``, oldest first,
    /// so that a command dispatched again after a restart is still recognised as recorded.
    public var recentCommandIDs: [UUID]

    /// A snapshot of a stream at a version.
    public init(stream: StreamID, version: Int, schema: String, state: Params, recentCommandIDs: [UUID] = []) {
        self.stream = stream
        self.version = version
        self.schema = schema
        self.state = state
        self.recentCommandIDs = recentCommandIDs
    }
}
