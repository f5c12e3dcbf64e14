/// How an orchestrator keeps states and retries commands.
///
/// ```swift
/// var options = OrchestratorOptions()
/// options.cacheLimit = 50_000
/// let orchestrator = try await Orchestrator.start([Wallet.self], store: store, options: options)
/// ```
public struct OrchestratorOptions: Sendable {
    /// How many aggregates of each type are known to be current, so that their commands
    /// decide without reading the store; the least recently used is forgotten first and
    /// caught up from the store (or a snapshot) when needed again. At least 1. Default
    /// 10,000.
    ///
    /// Each state is held once, in the read model behind queries, which is always complete;
    /// the cache holds no copies of states, only their slots (about 50 bytes an entry).
    public var cacheLimit: Int

    /// How many times a command is decided again when another writer appended to its stream
    /// in the meantime, before it fails with ``DispatchError/conflict(_:)``. Default 5.
    public var maxAttempts: Int

    /// Where snapshots of states are kept; `nil` (the default) for none.
    ///
    /// With snapshots, start-up rebuilds each aggregate from its latest snapshot and the
    /// events after it (when the store is a ``StreamListing``), and a state missing from the
    /// cache and the read model is loaded the same way. Only aggregates that are
    /// ``SnapshotCodable`` (every generated one) are snapshotted. See ``snapshotEvery``.
    ///
    /// ```swift
    /// let store = try await JSONLinesEventStore.open(directory: folder)
    /// let options = OrchestratorOptions(snapshots: store.snapshots, snapshotEvery: 500)
    /// let orchestrator = try await Orchestrator.start([Wallet.self], store: store, options: options)
    /// ```
    public var snapshots: (any SnapshotStore)?

    /// How many events an aggregate records between two snapshots: a snapshot is saved when
    /// a command takes its version past a multiple of this number, and when a load replays
    /// at least this many events. At least 1. Default 1,000.
    public var snapshotEvery: Int

    /// How many recorded command ids each aggregate type remembers, to record a command
    /// dispatched twice with the same id only once; `nil` remembers every one. Default
    /// 100,000.
    ///
    /// At start-up the history is rebuilt from the store's events, which carry their
    /// command's id, so it survives a restart: from every event replayed, or with
    /// ``snapshots``, from the last `commandHistoryLimit` events of the store. A command id older than the last
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
        snapshots: (any SnapshotStore)? = nil,
        snapshotEvery: Int = 1_000,
        commandHistoryLimit: Int? = 100_000,
        middleware: [any DispatchMiddleware] = []
    ) {
        self.cacheLimit = cacheLimit
        self.maxAttempts = maxAttempts
        self.snapshots = snapshots
        self.snapshotEvery = max(snapshotEvery, 1)
        self.commandHistoryLimit = commandHistoryLimit
        self.middleware = middleware
    }
}
