/// The events of a store from a position on, in global order, live: what
/// ``EventStore/subscribe(after:)`` returns.
///
/// ```swift
/// for try await event in store.subscribe(after: checkpoint) {
///     try await handle(event)
///     checkpoint = event.position
/// }
/// ```
///
/// Each iterator reads the store in pages with ``EventStore/readAll(after:limit:)`` and, once
/// it has caught up, waits for new events the way its store says. Iteration ends when the
/// consuming task is cancelled.
public struct EventSubscription: AsyncSequence, Sendable {
    /// The recorded events, in global order.
    public typealias Element = RecordedEvent
    /// A failure of the store: reading failed, or the store was closed.
    public typealias Failure = any Error

    private let store: any EventStore
    private let position: Int64
    private let pageSize: Int
    private let waitForEvents: @Sendable (_ after: Int64) async throws -> Void

    /// A subscription on a store.
    /// - Parameters:
    ///   - store: The store to read.
    ///   - position: Events after this position are delivered; 0 for all.
    ///   - pageSize: How many events one read takes.
    ///   - waitForEvents: Returns when there may be events after the position it is given (it
    ///     may return early: the iterator reads again and waits again). It should return
    ///     promptly when the task is cancelled, and throw when the store is closed.
    public init(
        store: any EventStore,
        after position: Int64,
        pageSize: Int = 512,
        waitForEvents: @escaping @Sendable (_ after: Int64) async throws -> Void
    ) {
        self.store = store
        self.position = position
        self.pageSize = Swift.max(pageSize, 1)
        self.waitForEvents = waitForEvents
    }

    /// Starts reading from the subscription's position.
    public func makeAsyncIterator() -> Iterator {
        Iterator(store: store, position: position, pageSize: pageSize, waitForEvents: waitForEvents)
    }

    /// Reads pages of events and waits for more once caught up.
    public struct Iterator: AsyncIteratorProtocol {
        private let store: any EventStore
        private var position: Int64
        private let pageSize: Int
        private let waitForEvents: @Sendable (_ after: Int64) async throws -> Void
        private var page: [RecordedEvent] = []
        private var pageIndex = 0

        fileprivate init(
            store: any EventStore,
            position: Int64,
            pageSize: Int,
            waitForEvents: @escaping @Sendable (_ after: Int64) async throws -> Void
        ) {
            self.store = store
            self.position = position
            self.pageSize = pageSize
            self.waitForEvents = waitForEvents
        }

        /// The next event; waits for one when caught up, `nil` once the task is cancelled.
        public mutating func next() async throws -> RecordedEvent? {
            while true {
                if pageIndex < page.count {
                    let event = page[pageIndex]
                    pageIndex += 1
                    position = event.position
                    return event
                }
                if Task.isCancelled { return nil }
                page = try await store.readAll(after: position, limit: pageSize)
                pageIndex = 0
                if page.isEmpty {
                    do {
                        try await waitForEvents(position)
                    } catch is CancellationError {
                        return nil
                    }
                }
            }
        }
    }
}
