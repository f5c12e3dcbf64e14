/// Where events are kept: appended atomically per command, read per stream or in the
/// global order, and followed as they are recorded.
///
/// ``InMemoryEventStore`` is for tests, ``JSONLinesEventStore`` the embedded default. Every
/// implementation passes the same conformance suite (`DiscoTesting.EventStoreConformance`).
public protocol EventStore: Sendable {
    /// Appends one command's events to a stream, all or none.
    /// - Parameters:
    ///   - events: The events, in order; at least one.
    ///   - stream: The stream to append to.
    ///   - expectedVersion: The version the stream must be at.
    /// - Returns: The events as recorded, with positions and versions.
    /// - Throws: ``EventStoreError`` with kind `wrongExpectedVersion` on a conflict, or
    ///   another kind when the store fails.
    func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent]

    /// The events of one stream with a version greater than `version`, in order.
    func read(stream: StreamID, after version: Int) async throws -> [RecordedEvent]

    /// Up to `limit` events with a position greater than `position`, in global order.
    func readAll(after position: Int64, limit: Int) async throws -> [RecordedEvent]

    /// The position of the last recorded event; 0 when the store is empty.
    func headPosition() async throws -> Int64

    /// Follows the store: every event with a position greater than `position`, in global
    /// order, first those already recorded and then each new one as soon as its append is
    /// acknowledged.
    ///
    /// The sequence reads in pages, so catching up on a large store holds one page at a
    /// time. It ends (returns `nil`) when the consuming task is cancelled, and throws
    /// ``EventStoreError`` with kind `closed` when the store is closed, or the store's error
    /// when reading fails. Delivery is at least once from the consumer's point of view: a
    /// consumer that records the position of each event it has handled resumes with
    /// `subscribe(after: thatPosition)` and sees nothing twice.
    ///
    /// The default implementation polls ``readAll(after:limit:)`` every 100 ms when it has
    /// caught up; stores that can be told of new events override it.
    func subscribe(after position: Int64) -> EventSubscription
}

extension EventStore {
    /// Every event of one stream, in order.
    public func read(stream: StreamID) async throws -> [RecordedEvent] {
        try await read(stream: stream, after: 0)
    }

    /// Follows the store by polling ``readAll(after:limit:)`` every 100 ms once caught up.
    public func subscribe(after position: Int64) -> EventSubscription {
        EventSubscription(store: self, after: position) { _ in
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
