import Foundation
import Logging

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
    private let runtimesByCommand: [String: any AnyAggregateRuntime]
    private let runtimesByQuery: [String: any AnyAggregateRuntime]
    private let runtimesByAggregate: [String: any AnyAggregateRuntime]
    private var pending: [Int: Task<Void, Never>] = [:]
    private var nextPendingKey = 0
    private var errorHandler: AsyncDispatchErrorHandler
    private var middleware: [any DispatchMiddleware]

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
        self.middleware = options.middleware
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

    /// Rebuilds the read models stream by stream, each from its latest snapshot and the
    /// events after it, in the order the streams began.
    private func restoreStreams(_ listing: any StreamListing) async throws {
        var byAggregate: [String: [StreamSummary]] = [:]
        for summary in try await listing.streams() where runtimesByAggregate[summary.stream.aggregate] != nil {
            byAggregate[summary.stream.aggregate, default: []].append(summary)
        }
        for (aggregate, streams) in byAggregate {
            try await runtimesByAggregate[aggregate]?.restore(streams)
        }
    }

    /// Fills the command ledgers from the last `limit` events of the store (all of them
    /// without a limit), in position order, without folding them: what a start from
    /// snapshots needs so that a command recorded before a snapshot is still recognised.
    private func rememberRecentCommands(limit: Int?, batchSize: Int = 4096) async throws {
        let head = try await store.headPosition()
        var position = limit.map { Swift.max(0, head - Int64($0)) } ?? 0
        if let listing = store as? any CommandListing {
            // From the store's index, without reading the events.
            var byAggregate: [String: [RecordedCommand]] = [:]
            for command in try await listing.commands(after: position)
            where runtimesByAggregate[command.stream.aggregate] != nil {
                byAggregate[command.stream.aggregate, default: []].append(command)
            }
            for (aggregate, commands) in byAggregate {
                await runtimesByAggregate[aggregate]?.remember(commands)
            }
            return
        }
        while true {
            let batch = try await store.readAll(after: position, limit: batchSize)
            guard let last = batch.last else { return }
            for (aggregate, events) in Self.byAggregate(batch, known: runtimesByAggregate) {
                await runtimesByAggregate[aggregate]?.remember(
                    events.map(RecordedCommand.init)
                )
            }
            position = last.position
        }
    }

    /// Rebuilds the read models from the whole store, one page at a time.
    ///
    /// Up to the head seen at the start, the next pages are read and decoded by tasks of
    /// their own while the runtimes fold the current one, so on a machine with more than one
    /// core decoding and folding overlap. Events recorded meanwhile are then read page by
    /// page until none is left.
    private func replayStore(batchSize: Int = 4096, lookahead: Int = 2) async throws {
        let store = self.store
        let head = try await store.headPosition()
        var requested: Int64 = 0
        var pages: [(last: Int64, events: Task<[RecordedEvent], any Error>)] = []
        defer { pages.forEach { $0.events.cancel() } }
        func requestPage() {
            let first = requested
            let last = Swift.min(first + Int64(batchSize), head)
            let events = Task {
                let events = try await store.readAll(after: first, limit: Int(last - first))
                return Array(events.prefix { $0.position <= last })
            }
            pages.append((last, events))
            requested = last
        }
        while requested < head && pages.count < lookahead { requestPage() }
        var position: Int64 = 0
        while !pages.isEmpty {
            let page = pages.removeFirst()
            let batch = try await page.events.value
            // A page that ends early (a store with gaps, or smaller pages) ends the
            // read-ahead: the rest is read one page at a time after it.
            let complete = batch.last?.position == page.last
            if complete && requested < head { requestPage() }
            try await fold(batch)
            position = batch.last?.position ?? position
            if !complete { break }
        }
        while true {
            let batch = try await store.readAll(after: position, limit: batchSize)
            guard let last = batch.last else { return }
            try await fold(batch)
            position = last.position
        }
    }

    /// Hands each runtime its events of a page in one call.
    private func fold(_ batch: [RecordedEvent]) async throws {
        for (aggregate, events) in Self.byAggregate(batch, known: runtimesByAggregate) {
            try await runtimesByAggregate[aggregate]?.replay(events)
        }
    }

    /// The events of a page by aggregate type, for the types the orchestrator knows.
    private static func byAggregate(
        _ batch: [RecordedEvent],
        known: [String: any AnyAggregateRuntime]
    ) -> [String: [RecordedEvent]] {
        var byAggregate: [String: [RecordedEvent]] = [:]
        for event in batch where known[event.stream.aggregate] != nil {
            byAggregate[event.stream.aggregate, default: []].append(event)
        }
        return byAggregate
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
    public func dispatch(
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> AggregateState {
        let started = ContinuousClock.now
        let request = try await before(
            DispatchRequest(command: name, params: params, metadata: metadata, isAsync: false),
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
        await after(request, result, aggregateID: aggregateID, started: started)
        return try result.get()
    }

    /// Validates a command and returns the id of its aggregate; with `async: true` the
    /// events are recorded in the background, otherwise before it returns.
    ///
    /// A background command that is not recorded goes to the error handler (see
    /// ``setErrorHandler(_:)``; by default it is logged). ``drain()`` waits for every one.
    /// - Throws: ``DispatchError``: for background commands, only `unknownCommand`,
    ///   `invalidParams` and `refused`.
    @discardableResult
    public func dispatch(
        _ name: String,
        _ params: Params,
        async: Bool,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> UUID {
        guard `async` else {
            return try await dispatch(name, params, metadata: metadata).id
        }
        let started = ContinuousClock.now
        let request = try await before(
            DispatchRequest(command: name, params: params, metadata: metadata, isAsync: true),
            started
        )
        let command: PreparedCommand
        do throws(DispatchError) {
            command = try await prepare(request.command, request.params, metadata: request.metadata)
        } catch {
            await after(request, .failure(error), aggregateID: nil, started: started)
            throw error
        }
        let key = nextPendingKey
        nextPendingKey += 1
        let handler = errorHandler
        pending[key] = Task {
            let result: Result<AggregateState, DispatchError>
            do throws(DispatchError) {
                result = .success(try await command.run())
            } catch {
                result = .failure(error)
            }
            await self.after(request, result, aggregateID: command.aggregateID, started: started)
            if case .failure(let error) = result {
                await handler(
                    AsyncDispatchFailure(
                        command: request.command,
                        params: request.params,
                        aggregateID: command.aggregateID,
                        metadata: request.metadata,
                        error: error
                    )
                )
            }
            self.finished(key)
        }
        return command.aggregateID
    }

    /// Adds a middleware after those already in use.
    public func use(_ middleware: any DispatchMiddleware) {
        self.middleware.append(middleware)
    }

    private func before(
        _ request: DispatchRequest,
        _ started: ContinuousClock.Instant
    ) async throws(DispatchError) -> DispatchRequest {
        var request = request
        for (number, middleware) in middleware.enumerated() {
            do throws(DispatchError) {
                request = try await middleware.before(request)
            } catch {
                let outcome = DispatchOutcome(
                    result: .failure(error),
                    aggregateID: nil,
                    duration: started.duration(to: .now)
                )
                for earlier in self.middleware[...number].reversed() {
                    await earlier.after(request, outcome: outcome)
                }
                throw error
            }
        }
        return request
    }

    private func after(
        _ request: DispatchRequest,
        _ result: Result<AggregateState, DispatchError>,
        aggregateID: UUID?,
        started: ContinuousClock.Instant
    ) async {
        guard !middleware.isEmpty else { return }
        let outcome = DispatchOutcome(result: result, aggregateID: aggregateID, duration: started.duration(to: .now))
        for middleware in middleware.reversed() {
            await middleware.after(request, outcome: outcome)
        }
    }

    /// Sets what happens to a command dispatched with `async: true` that is not recorded;
    /// it replaces the default, which logs it at error level.
    /// - Parameter handler: Called once per failed background command, in its task.
    public func setErrorHandler(_ handler: @escaping AsyncDispatchErrorHandler) {
        errorHandler = handler
    }

    /// Waits until every command dispatched with `async: true` so far has been recorded or
    /// handed to the error handler, and every running consumer has handled the events
    /// recorded so far; repeats while that work leads to more (process managers).
    ///
    /// For tests and shutdown. A consumer that stops or fails is not waited for.
    public func drain() async {
        while true {
            while let task = pending.values.first {
                await task.value
            }
            guard !consumers.isEmpty, let head = try? await store.headPosition() else { return }
            for runner in consumers.values {
                await runner.waitUntilHandled(head)
            }
            if pending.isEmpty, (try? await store.headPosition()) == head { return }
        }
    }

    /// How many commands dispatched with `async: true` are not done yet.
    public var pendingCount: Int { pending.count }

    private func finished(_ key: Int) {
        pending[key] = nil
    }

    private static func loggingErrorHandler(_ logger: Logger) -> AsyncDispatchErrorHandler {
        { failure in
            logger.error(
                "background command failed",
                metadata: [
                    "command": "\(failure.command)",
                    "command_id": "\(failure.metadata.commandID)",
                    "aggregate_id": "\(failure.aggregateID)",
                    "error": "\(failure.error)",
                ]
            )
        }
    }

    /// Answers a query from the states of its aggregate type.
    /// - Throws: ``QueryError``.
    public func query(_ name: String, _ params: Params = [:]) async throws(QueryError) -> QueryResult {
        guard let runtime = runtimesByQuery[name] else { throw .unknownQuery(name) }
        return try await runtime.query(name, params)
    }

    private func prepare(
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata
    ) async throws(DispatchError) -> PreparedCommand {
        guard let runtime = runtimesByCommand[name] else { throw .unknownCommand(name) }
        return try await runtime.prepare(name, params, metadata: metadata)
    }
}
