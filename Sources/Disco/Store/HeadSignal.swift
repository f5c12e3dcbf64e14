import Synchronization

/// Tells waiting subscribers that a store's head position moved: the live half of
/// ``EventSubscription`` for stores that know when they append.
final class HeadSignal: Sendable {
    private struct Waiter {
        var after: Int64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var head: Int64
        var closed = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
    }

    private let state: Mutex<State>

    /// A signal whose head starts at `head`.
    init(head: Int64) {
        state = Mutex(State(head: head))
    }

    /// Moves the head and wakes every waiter it passes.
    func publish(head: Int64) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard head > state.head else { return [] }
            state.head = head
            var woken: [CheckedContinuation<Void, any Error>] = []
            for (id, waiter) in state.waiters where waiter.after < head {
                woken.append(waiter.continuation)
                state.waiters[id] = nil
            }
            return woken
        }
        for continuation in woken { continuation.resume() }
    }

    /// Wakes every waiter with a `closed` error, now and from now on.
    func close() {
        let woken = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return state.waiters.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume(throwing: EventStoreError(.closed, "the event store was closed")) }
    }

    /// Returns once the head is past `position`, or the task is cancelled.
    /// - Throws: ``EventStoreError`` with kind `closed` when the store is closed.
    func wait(after position: Int64) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.closed { return .failure(EventStoreError(.closed, "the event store was closed")) }
                    if state.head > position || Task.isCancelled { return .success(()) }
                    state.waiters[id] = Waiter(after: position, continuation: continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
    }
}
