import Disco
import Synchronization

/// Runs database work with a time limit that holds even when the server has gone away
/// without closing its connections (a frozen host, a dropped network), where postgres-nio
/// would wait up to a minute: the work runs in a task of its own, and the caller gets an error
/// once the limit passes, while the abandoned work is cancelled and ends in the background.
enum PostgresDeadline {
    /// The result of `work`, or `EventStoreError` of kind `io` once `limit` has passed.
    static func run<Result: Sendable>(
        within limit: Duration,
        server: String,
        _ work: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let task = Task { try await work() }
        let outcome = Outcome<Result>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
                outcome.start(continuation)
                let timer = Task {
                    try await Task.sleep(for: limit)
                    if outcome.finish(.failure(timedOut(limit, server))) { task.cancel() }
                }
                Task {
                    let result = await task.result
                    timer.cancel()
                    outcome.finish(result)
                }
            }
        } onCancel: {
            task.cancel()
        }
    }

    private static func timedOut(_ limit: Duration, _ server: String) -> EventStoreError {
        EventStoreError(
            .io,
            "\(server) did not answer within \(limit); what was asked may or may not have been done "
                + "(a command retried with the same command id is recorded once)"
        )
    }

    /// The first of the work's result and the timeout, handed to the waiting caller once.
    private final class Outcome<Result: Sendable>: Sendable {
        private let state = Mutex<(CheckedContinuation<Result, any Error>?, Swift.Result<Result, any Error>?)>(
            (nil, nil)
        )

        func start(_ continuation: CheckedContinuation<Result, any Error>) {
            let early = state.withLock { state -> Swift.Result<Result, any Error>? in
                if let result = state.1 { return result }
                state.0 = continuation
                return nil
            }
            if let early { continuation.resume(with: early) }
        }

        /// Hands `result` over unless another was; whether it was this one.
        @discardableResult
        func finish(_ result: Swift.Result<Result, any Error>) -> Bool {
            let (waiting, first) = state.withLock { state -> (CheckedContinuation<Result, any Error>?, Bool) in
                guard state.1 == nil else { return (nil, false) }
                state.1 = result
                let waiting = state.0
                state.0 = nil
                return (waiting, true)
            }
            waiting?.resume(with: result)
            return first
        }
    }
}
