import Disco
import Foundation

/// An in-memory store whose appends fail while ``failing`` is set: for testing what an
/// application does when its event store fails (an HTTP 503, a retry, an alert).
///
/// ```swift
/// let store = FailingEventStore(message: "the disk is full")
/// let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
/// await store.setFailing(true)
/// // dispatches now throw DispatchError.storeFailure(EventStoreError(.io, "the disk is full"))
/// ```
public actor FailingEventStore: EventStore {
    private let base = InMemoryEventStore()
    private let message: String
    /// Whether appends fail now.
    public private(set) var failing = false

    /// A store that works until ``setFailing(_:)``; its appends then fail with an `io` error
    /// of this message.
    public init(message: String = "the disk is full") {
        self.message = message
    }

    /// Makes appends fail, or work again.
    public func setFailing(_ failing: Bool) {
        self.failing = failing
    }

    public func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent] {
        if failing { throw EventStoreError(.io, message) }
        return try await base.append(events, to: stream, expectedVersion: expectedVersion)
    }

    public func read(stream: StreamID, after version: Int) async -> [RecordedEvent] {
        await base.read(stream: stream, after: version)
    }

    public func readAll(after position: Int64, limit: Int) async -> [RecordedEvent] {
        await base.readAll(after: position, limit: limit)
    }

    public func headPosition() async -> Int64 {
        await base.headPosition()
    }

    public nonisolated func subscribe(after position: Int64) -> EventSubscription {
        base.subscribe(after: position)
    }
}
