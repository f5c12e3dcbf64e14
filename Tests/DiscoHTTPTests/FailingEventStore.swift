import Disco
import Foundation

/// An in-memory store whose appends fail while `failing` is set: the store error of tests.
actor FailingEventStore: EventStore {
    private let base = InMemoryEventStore()
    private(set) var failing = false

    func setFailing(_ failing: Bool) {
        self.failing = failing
    }

    func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent] {
        if failing { throw EventStoreError(.io, "the disk at /secret/path is full") }
        return try await base.append(events, to: stream, expectedVersion: expectedVersion)
    }

    func read(stream: StreamID, after version: Int) async -> [RecordedEvent] {
        await base.read(stream: stream, after: version)
    }

    func readAll(after position: Int64, limit: Int) async -> [RecordedEvent] {
        await base.readAll(after: position, limit: limit)
    }

    func headPosition() async -> Int64 {
        await base.headPosition()
    }

    nonisolated func subscribe(after position: Int64) -> EventSubscription {
        base.subscribe(after: position)
    }
}
