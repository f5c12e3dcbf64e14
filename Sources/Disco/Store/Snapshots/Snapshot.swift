import Foundation

/// An aggregate's state after a number of events, as a ``SnapshotStore`` keeps it.
public struct Snapshot: Sendable, Hashable {
    /// The aggregate's stream.
    public var stream: StreamID
    /// The version of the last event folded into the state.
    public var version: Int
    /// The id of that event: a snapshot is used only while the stream still holds it, so a
    /// snapshot never outlives the events it was taken from (a restored backup, a lost tail).
    public var lastEventID: UUID
    /// The ``SnapshotCodable/snapshotSchema`` the state was saved under.
    public var schema: String
    /// The state's fields (``Aggregate/fields``).
    public var state: Params

    /// A snapshot of a stream at a version.
    public init(stream: StreamID, version: Int, lastEventID: UUID, schema: String, state: Params) {
        self.stream = stream
        self.version = version
        self.lastEventID = lastEventID
        self.schema = schema
        self.state = state
    }
}
