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
    private let store: any EventStore
    private let logger: Logger
    private let runtimesByCommand: [String: any AnyAggregateRuntime]
    private let runtimesByQuery: [String: any AnyAggregateRuntime]
    private let runtimesByAggregate: [String: any AnyAggregateRuntime]
    private var pending: [UUID: Task<Void, Never>] = [:]

    private init(
        store: any EventStore,
        runtimes: [any AnyAggregateRuntime],
        logger: Logger
    ) throws(OrchestratorError) {
        self.store = store
        self.logger = logger
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
                    throw OrchestratorError("command '\(command)' is defined by both \(other.aggregateName) and \(name)")
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
    /// - Throws: ``OrchestratorError`` when two aggregates claim the same name, or an error of
    ///   the store when its events cannot be read.
    public static func start(
        _ aggregates: [any Aggregate.Type],
        store: any EventStore,
        logger: Logger = Logger(label: "disco.orchestrator")
    ) async throws -> Orchestrator {
        let runtimes = aggregates.map { makeRuntime($0, store: store) }
        let orchestrator = try Orchestrator(store: store, runtimes: runtimes, logger: logger)
        try await orchestrator.replayStore()
        return orchestrator
    }

    private static func makeRuntime<State: Aggregate>(_ type: State.Type, store: any EventStore) -> any AnyAggregateRuntime {
        AggregateRuntime<State>(store: store)
    }

    private func replayStore(batchSize: Int = 4096) async throws {
        var position: Int64 = 0
        while true {
            let batch = try await store.readAll(after: position, limit: batchSize)
            guard let last = batch.last else { return }
            for event in batch {
                guard let runtime = runtimesByAggregate[event.stream.aggregate] else { continue }
                try await runtime.replay(event)
            }
            position = last.position
        }
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
        try await prepare(name, params, metadata: metadata).run()
    }

    /// Validates a command and returns the id of its aggregate; with `async: true` the
    /// events are recorded in the background, otherwise before it returns.
    ///
    /// A background command that fails is logged; ``drain()`` waits for every one.
    /// - Throws: ``DispatchError``: for background commands, only `unknownCommand` and
    ///   `invalidParams`.
    @discardableResult
    public func dispatch(
        _ name: String,
        _ params: Params,
        async: Bool,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> UUID {
        let command = try await prepare(name, params, metadata: metadata)
        guard `async` else {
            _ = try await command.run()
            return command.aggregateID
        }
        let key = metadata.commandID
        let logger = logger
        pending[key] = Task {
            do {
                _ = try await command.run()
            } catch {
                logger.error(
                    "background command failed",
                    metadata: ["command": "\(name)", "aggregate_id": "\(command.aggregateID)", "error": "\(error)"]
                )
            }
            self.finished(key)
        }
        return command.aggregateID
    }

    /// Waits until every command dispatched with `async: true` so far has been handled.
    public func drain() async {
        while let (_, task) = pending.first {
            await task.value
        }
    }

    private func finished(_ key: UUID) {
        pending[key] = nil
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
