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
}

extension EventStore {
    /// Every event of one stream, in order.
    public func read(stream: StreamID) async throws -> [RecordedEvent] {
        try await read(stream: stream, after: 0)
    }
}
