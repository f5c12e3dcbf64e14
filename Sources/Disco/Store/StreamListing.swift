/// An event store that can list its streams without reading their events: what lets an
/// orchestrator with snapshots rebuild each aggregate from its latest snapshot.
public protocol StreamListing: EventStore {
    /// Every stream with at least one event, in the order of their first events.
    func streams() async throws -> [StreamSummary]
}

/// A stream's place in the store: its first event's position and its version.
public struct StreamSummary: Sendable, Hashable {
    /// The stream.
    public var stream: StreamID
    /// The position of its first event.
    public var firstPosition: Int64
    /// The version of its last event, which is its number of events.
    public var version: Int

    /// A summary.
    public init(stream: StreamID, firstPosition: Int64, version: Int) {
        self.stream = stream
        self.firstPosition = firstPosition
        self.version = version
    }
}
