/// How a consumer retries a failing handler and what it does after the last retry.
public struct ConsumerOptions: Sendable {
    /// How many times an event is handed to the handler in all before the policy decides;
    /// at least 1. Default 5.
    public var maxAttempts: Int
    /// The wait before the first retry; each later retry waits twice as long as the one
    /// before, up to ``maxBackoff``. Default 100 ms.
    public var initialBackoff: Duration
    /// The longest wait between two attempts. Default 10 s.
    public var maxBackoff: Duration
    /// What happens after the last attempt fails. Default ``ConsumerFailurePolicy/stop``.
    public var onFailure: ConsumerFailurePolicy
    /// How many events of types the consumer does not handle may pass before their position
    /// is saved; handled events save it each time. Default 256.
    public var checkpointInterval: Int

    /// Options with the defaults.
    public init(
        maxAttempts: Int = 5,
        initialBackoff: Duration = .milliseconds(100),
        maxBackoff: Duration = .seconds(10),
        onFailure: ConsumerFailurePolicy = .stop,
        checkpointInterval: Int = 256
    ) {
        self.maxAttempts = Swift.max(maxAttempts, 1)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.onFailure = onFailure
        self.checkpointInterval = Swift.max(checkpointInterval, 1)
    }

    /// The wait after a failed attempt (1 for the first).
    func backoff(after attempt: Int) -> Duration {
        var wait = initialBackoff
        for _ in 1..<Swift.max(attempt, 1) {
            wait = wait * 2
            if wait >= maxBackoff { return maxBackoff }
        }
        return Swift.min(wait, maxBackoff)
    }
}
