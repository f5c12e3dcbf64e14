import Foundation

/// An event store that keeps everything in memory: for tests and examples.
public actor InMemoryEventStore: EventStore, StreamListing, CommandListing {
    private var events: [RecordedEvent] = []
    private var indexesByStream: [StreamID: [Int]] = [:]
    private let signal = HeadSignal(head: 0)

    /// An empty store.
    public init() {}

    public func append(
        _ proposed: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) throws -> [RecordedEvent] {
        let indexes = indexesByStream[stream, default: []]
        guard expectedVersion.isSatisfied(by: indexes.count) else {
            throw EventStoreError.wrongExpectedVersion(stream: stream, expected: expectedVersion, actual: indexes.count)
        }
        let now = Date()
        let recorded = proposed.enumerated().map { offset, event in
            RecordedEvent(
                event,
                position: Int64(events.count + offset + 1),
                stream: stream,
                version: indexes.count + offset + 1,
                recordedAt: now
            )
        }
        indexesByStream[stream, default: []].append(contentsOf: events.count..<(events.count + recorded.count))
        events.append(contentsOf: recorded)
        signal.publish(head: Int64(events.count))
        return recorded
    }

    public func read(stream: StreamID, after version: Int) -> [RecordedEvent] {
        let indexes = indexesByStream[stream, default: []]
        guard version < indexes.count else { return [] }
        return indexes[max(version, 0)...].map { events[$0] }
    }

    public func readAll(after position: Int64, limit: Int) -> [RecordedEvent] {
        let start = Int(max(position, 0))
        guard start < events.count else { return [] }
        return Array(events[start..<min(events.count, start + max(limit, 0))])
    }

    public func streams() -> [StreamSummary] {
        indexesByStream.compactMap { stream, indexes in
            indexes.first.map { StreamSummary(stream: stream, firstPosition: Int64($0 + 1), version: indexes.count) }
        }
        .sorted { $0.firstPosition < $1.firstPosition }
    }

    public func commands(after position: Int64) -> [RecordedCommand] {
        let start = Int(max(position, 0))
        guard start < events.count else { return [] }
        return events[start...].map(RecordedCommand.init)
    }

    public func headPosition() -> Int64 {
        Int64(events.count)
    }

    /// Follows the store, woken by each append rather than polling.
    public nonisolated func subscribe(after position: Int64) -> EventSubscription {
        let signal = signal
        return EventSubscription(store: self, after: position) { after in
            try await signal.wait(after: after)
        }
    }
}
