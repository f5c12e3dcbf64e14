import Disco

/// Wakes idle subscriptions when new events are committed. The `LISTEN` connection publishes
/// the head position each notification carries (and this process's appends publish theirs);
/// subscriptions wait for a head past their position, with a time limit: the polling
/// fallback for a lost connection or a missed notification.
actor PostgresWakeups {
    private struct Waiter {
        var after: Int64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private var head: Int64 = 0
    private var closed = false
    private var nextID: UInt64 = 0
    private var waiters: [UInt64: Waiter] = [:]

    /// A notification said the head is at `position`: wakes the waiters it passes.
    func publish(head position: Int64) {
        guard position > head else { return }
        head = position
        for (id, waiter) in waiters where waiter.after < position {
            waiters[id] = nil
            waiter.continuation.resume()
        }
    }

    /// Notifications may have been missed (the listener reconnected): every waiter reads again.
    func wakeAll() {
        let woken = waiters.values
        waiters.removeAll()
        for waiter in woken { waiter.continuation.resume() }
    }

    /// The store was closed: every waiter, now and later, throws `closed`.
    func close() {
        closed = true
        let woken = waiters.values
        waiters.removeAll()
        for waiter in woken { waiter.continuation.resume(throwing: Self.closedError) }
    }

    /// Returns once the head is known to be past `position`, after `timeout`, or when the
    /// task is cancelled.
    /// - Throws: `EventStoreError` of kind `closed` when the store is closed.
    func wait(after position: Int64, timeout: Duration) async throws {
        if closed { throw Self.closedError }
        guard head <= position, !Task.isCancelled else { return }
        let id = nextID
        nextID &+= 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.resume(id)
        }
        defer { timer.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume()
                } else {
                    waiters[id] = Waiter(after: position, continuation: continuation)
                }
            }
        } onCancel: {
            Task { await self.resume(id) }
        }
    }

    private func resume(_ id: UInt64) {
        waiters.removeValue(forKey: id)?.continuation.resume()
    }

    private static let closedError = EventStoreError(.closed, "the PostgreSQL event store was closed")
}
