import Foundation
import Logging
import Synchronization

/// Dispatches commands and answers queries by name, for a set of aggregates sharing one
/// event store: Disco's `Orchestrator`.
///
/// ```swift
/// let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
/// let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": "…", "balance": 100.0])
/// let wallets = try await orchestrator.query("list_wallets", ["user_id": "…"])
/// ```
public actor Orchestrator {
    let store: any EventStore
    let logger: Logger
    /// Carries the recorded events of this orchestrator's aggregates forward to their current
    /// shape; consumers receive their events through it.
    public nonisolated let upcaster: EventUpcaster
    var consumers: [String: ConsumerRunner] = [:]
    nonisolated let runtimesByCommand: [String: any AnyAggregateRuntime]
    nonisolated let runtimesByQuery: [String: any AnyAggregateRuntime]
    nonisolated let runtimesByAggregate: [String: any AnyAggregateRuntime]
    var pending: [Int: Task<Void, Never>] = [:]
    var nextPendingKey = 0
    var errorHandler: AsyncDispatchErrorHandler
    /// The middleware, in order: read by every dispatch without a hop onto the actor.
    nonisolated let middleware: Mutex<[any DispatchMiddleware]>

    private init(
        store: any EventStore,
        runtimes: [any AnyAggregateRuntime],
        upcaster: EventUpcaster,
        logger: Logger,
        options: OrchestratorOptions
    ) throws(OrchestratorError) {
        self.store = store
        self.logger = logger
        self.upcaster = upcaster
        self.middleware = Mutex(options.middleware)
        self.errorHandler = Self.loggingErrorHandler(logger)
        var byCommand: [String: any AnyAggregateRuntime] = [:]
        var byQuery: [String: any AnyAggregateRuntime] = [:]
        var byAggregate: [String: any AnyAggregateRuntime] = [:]
        for runtime in runtimes {
            let name = runtime.aggregateName
            guard byAggregate.updateValue(runtime, forKey: name) == nil else {
                throw OrchestratorError("aggregate \(name) is registered twice")
            }
            for command in runtime.commandNames {
                if let other = byCommand.updateValue(runtime, forKey: command) {
                    throw OrchestratorError(
                        "command '\(command)' is defined by both \(other.aggregateName) and \(name)"
                    )
                }
            }
            for query in runtime.queryNames {
                if let other = byQuery.updateValue(runtime, forKey: query) {
                    throw OrchestratorError("query '\(query)' is defined by both \(other.aggregateName) and \(name)")
                }
            }
        }
        self.runtimesByCommand = byCommand
        self.runtimesByQuery = byQuery
        self.runtimesByAggregate = byAggregate
    }

    /// Starts an orchestrator: replays the store to rebuild every aggregate's state.
    /// - Parameters:
    ///   - aggregates: The aggregate types, as in `Orchestrator.start_link([MyApp.Wallet])`.
    ///   - store: Where events are kept.
    ///   - logger: Where background failures are reported.
    ///   - options: The state cache's bound and the retry limit.
    /// - Throws: ``OrchestratorError`` when two aggregates claim the same name, or an error of
    ///   the store when its events cannot be read: an ``EventStoreError`` of kind
    ///   `newerSchemaVersion` when an event was recorded by a newer build of its spec (the
    ///   message names the event type, its version, its position and the version this build
    ///   knows), `corrupted` when an event does not fit its type.
    public static func start(
        _ aggregates: [any Aggregate.Type],
        store: any EventStore,
        logger: Logger = Logger(label: "disco.orchestrator"),
        options: OrchestratorOptions = OrchestratorOptions()
    ) async throws -> Orchestrator {
        let runtimes = aggregates.map { makeRuntime($0, store: store, options: options, logger: logger) }
        let orchestrator = try Orchestrator(
            store: store,
            runtimes: runtimes,
            upcaster: EventUpcaster(aggregates),
            logger: logger,
            options: options
        )
        do {
            if options.snapshots != nil, let listing = store as? any StreamListing {
                try await orchestrator.restoreStreams(listing)
                try await orchestrator.rememberRecentCommands(limit: options.commandHistoryLimit)
            } else {
                try await orchestrator.replayStore()
            }
        } catch DispatchError.storeFailure(let error) {
            // Start-up dispatches nothing: its failures are the store's.
            throw error
        }
        return orchestrator
    }

    private static func makeRuntime<State: Aggregate>(
        _ type: State.Type,
        store: any EventStore,
        options: OrchestratorOptions,
        logger: Logger
    ) -> any AnyAggregateRuntime {
        AggregateRuntime<State>(store: store, options: options, logger: logger)
    }

    /// The names of every command, sorted.
    public func commands() -> [String] {
        runtimesByCommand.keys.sorted()
    }

    /// The names of every query, sorted.
    public func queries() -> [String] {
        runtimesByQuery.keys.sorted()
    }

    /// Validates a command, records its events, and returns the aggregate's new state.
    ///
    /// Dispatching a command id that was already recorded records nothing and returns the
    /// state its events left (see ``OrchestratorOptions/commandHistoryLimit``).
    /// - Parameters:
    ///   - name: The command's name: `create_wallet`.
    ///   - params: The command's params.
    ///   - metadata: The command's ids and metadata; generated when not given.
    /// - Throws: ``DispatchError``.
    @discardableResult
    public nonisolated func dispatch(
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> AggregateState {
        let middleware = self.middleware.withLock { $0 }
        guard !middleware.isEmpty else {
            guard let runtime = runtimesByCommand[name] else { throw .unknownCommand(name) }
            return try await runtime.dispatch(name, params, metadata: metadata)
        }
        let started = ContinuousClock.now
        let request = try await Self.before(
            DispatchRequest(command: name, params: params, metadata: metadata, isAsync: false),
            middleware,
            started
        )
        var aggregateID: UUID?
        let result: Result<AggregateState, DispatchError>
        do throws(DispatchError) {
            let command = try await prepare(request.command, request.params, metadata: request.metadata)
            aggregateID = command.aggregateID
            result = .success(try await command.run())
        } catch {
            result = .failure(error)
        }
        await Self.after(request, result, middleware, aggregateID: aggregateID, started: started)
        return try result.get()
    }

    /// Answers a query from the states of its aggregate type.
    /// - Throws: ``QueryError``.
    public func query(_ name: String, _ params: Params = [:]) async throws(QueryError) -> QueryResult {
        guard let runtime = runtimesByQuery[name] else { throw .unknownQuery(name) }
        return try await runtime.query(name, params)
    }

    nonisolated func prepare(
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata
    ) async throws(DispatchError) -> PreparedCommand {
        guard let runtime = runtimesByCommand[name] else { throw .unknownCommand(name) }
        return try await runtime.prepare(name, params, metadata: metadata)
    }
}
