/// How an orchestrator keeps states and retries commands.
///
/// ```swift
/// var options = OrchestratorOptions()
/// options.cacheLimit = 50_000
/// let orchestrator = try await Orchestrator.start([Wallet.self], store: store, options: options)
/// ```
public struct OrchestratorOptions: Sendable {
    /// The most states each aggregate type keeps for deciding on commands; the least recently
    /// used is evicted first and rebuilt from the read model or a snapshot and the store's
    /// newer events when needed again. At least 1. Default 10,000.
    ///
    /// The read model behind queries is separate and always complete.
    public var cacheLimit: Int

    /// How many times a command is decided again when another writer appended to its stream
    /// in the meantime, before it fails with ``DispatchError/conflict(_:)``. Default 5.
    public var maxAttempts: Int

    /// Where states are loaded from before the store's newer events, when neither the cache
    /// nor the read model holds them; `nil` for none.
    public var snapshots: (any SnapshotSource)?

    /// How many recorded command ids each aggregate type remembers, to record a command
    /// dispatched twice with the same id only once; `nil` remembers every one. Default
    /// 100,000.
    ///
    /// At start-up the history is rebuilt from the store's events, which carry their
    /// command's id, so it survives a restart. A command id older than the last
    /// `commandHistoryLimit` recorded commands of its aggregate type is no longer recognised
    /// and would be recorded again. Each remembered id costs about 100 bytes.
    public var commandHistoryLimit: Int?

    /// The middleware every dispatch goes through, in order; none by default. See
    /// ``LoggingMiddleware`` and ``MetricsMiddleware``.
    public var middleware: [any DispatchMiddleware]

    /// Options with the defaults.
    public init(
        cacheLimit: Int = 10_000,
        maxAttempts: Int = 5,
        snapshots: (any SnapshotSource)? = nil,
        commandHistoryLimit: Int? = 100_000,
        middleware: [any DispatchMiddleware] = []
    ) {
        self.cacheLimit = cacheLimit
        self.maxAttempts = maxAttempts
        self.snapshots = snapshots
        self.commandHistoryLimit = commandHistoryLimit
        self.middleware = middleware
    }
}
