import Foundation
import Logging

/// The command cycle of one aggregate type: take the aggregate's turn, load its state,
/// decide, append, keep the new state.
///
/// Each state is held once, in the read model behind queries (complete, in creation order).
/// The bounded cache (least recently used first out) holds only which aggregates' states
/// are known to be current, by their read-model slot: a command on one of them decides
/// without reading the store; any other state is caught up from the store first (or
/// rebuilt from a snapshot and the store's events when the read model has none). Commands
/// on one aggregate take turns; commands on different aggregates interleave while they
/// wait for the store.
actor AggregateRuntime<State: Aggregate>: AnyAggregateRuntime {
    nonisolated let aggregateName = State.aggregateName
    nonisolated let commandNames = State.commandNames
    nonisolated let queryNames = State.queryNames

    let store: any EventStore
    let options: OrchestratorOptions
    let logger: Logger
    /// Read-model slots of the states known to be current.
    var cache: StateCache<UUID, Int>
    var readModel = ReadModel<State>()
    var flights: CommandSingleFlight<VersionedState<State>>
    /// Whose turn it is on each aggregate: commands, and reads of one current state.
    var turns = TurnQueue()

    init(store: any EventStore, options: OrchestratorOptions, logger: Logger) {
        self.store = store
        self.options = options
        self.logger = logger
        self.cache = StateCache(limit: options.cacheLimit)
        self.flights = CommandSingleFlight(limit: options.commandHistoryLimit)
    }

    /// How many states the runtime holds, and how many the cache marks as current: for
    /// tests of the cache bound.
    var heldStates: (states: Int, cached: Int) { (readModel.count, cache.count) }

    // MARK: Dispatching

    func dispatch(
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata
    ) async throws(DispatchError)
        -> AggregateState
    {
        let entry = try await perform(try parse(name, params), metadata: metadata, reserved: false)
        return AggregateState(entry.state, version: entry.version)
    }

    /// Validates and records a command of this type: the typed API's path, which builds no
    /// ``AggregateState``.
    func dispatchTyped(
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata
    ) async throws(DispatchError)
        -> State
    {
        try await perform(try parse(name, params), metadata: metadata, reserved: false).state
    }

    /// Records a typed command: no params are read.
    func dispatch(_ command: State.Command, metadata: CommandMetadata) async throws(DispatchError) -> State {
        try await perform(command, metadata: metadata, reserved: false).state
    }

    func prepare(_ name: String, _ params: Params, metadata: CommandMetadata) throws(DispatchError) -> PreparedCommand {
        let command = try parse(name, params)
        let (id, reserved) = flights.reserve(metadata.commandID, aggregateID: command.aggregateID)
        return PreparedCommand(aggregateID: id) { () async throws(DispatchError) -> AggregateState in
            let entry = try await self.perform(command, aggregateID: id, metadata: metadata, reserved: reserved)
            return AggregateState(entry.state, version: entry.version)
        }
    }

    private func parse(_ name: String, _ params: Params) throws(DispatchError) -> State.Command {
        do {
            guard let parsed = try State.command(named: name, params: params) else {
                throw DispatchError.unknownCommand(name)
            }
            return parsed
        } catch let errors as ValidationErrors {
            throw .invalidParams(errors)
        } catch {
            throw error as? DispatchError ?? .unknownCommand(name)
        }
    }

    /// Runs a command once per command id: a command id already recorded returns the state
    /// its events left; one running returns the same outcome when it is done.
    private func perform(
        _ command: State.Command,
        aggregateID: UUID? = nil,
        metadata: CommandMetadata,
        reserved: Bool
    ) async throws(DispatchError) -> VersionedState<State> {
        let commandID = metadata.commandID
        switch flights.begin(commandID, aggregateID: aggregateID ?? command.aggregateID, reserved: reserved) {
        case .recorded(let record):
            return try await state(of: record)
        case .follow:
            let outcome = await withCheckedContinuation { waiter in
                if !flights.follow(commandID, waiter) {
                    waiter.resume(returning: .failure(.conflict(StreamID(aggregate: aggregateName, id: commandID))))
                }
            }
            flights.release(commandID)
            return try outcome.get()
        case .lead(let id):
            let outcome: Result<VersionedState<State>, DispatchError>
            do throws(DispatchError) {
                outcome = .success(try await execute(command, id: id, metadata: metadata))
            } catch {
                outcome = .failure(error)
            }
            flights.finish(commandID, with: outcome)
            return try outcome.get()
        }
    }

    // MARK: The command cycle

    private func execute(
        _ command: State.Command,
        id: UUID,
        metadata: CommandMetadata
    ) async throws(DispatchError) -> VersionedState<State> {
        if !turns.take(id) {
            await withCheckedContinuation { turns.wait(id, $0) }
        }
        defer { turns.pass(id) }
        let stream = StreamID(aggregate: aggregateName, id: id)
        // A creating command does not read the store: appending with `noStream` finds out.
        var current = command.creates ? known(id) : try await load(stream)
        for _ in 0..<options.maxAttempts {
            if let expected = metadata.expectedVersion, expected != current?.version ?? 0 {
                throw .versionMismatch(expected: expected, actual: current?.version ?? 0)
            }
            if command.creates, current != nil { throw .rejected(["id": [ValidationMessage.alreadyExists]]) }
            guard command.creates || current != nil else { throw .rejected(["id": [ValidationMessage.notFound]]) }
            let base = current ?? VersionedState(state: State(id: id), version: 0)
            let events: [State.Event]
            do {
                events = try base.state.execute(command, context: CommandContext())
            } catch {
                throw .rejected(error)
            }
            guard !events.isEmpty else { return base }
            // Events fold into the state before they are recorded: a state JSON cannot carry
            // (a number grown infinite) refuses the command, with nothing recorded.
            var next = base
            for index in 0..<events.count { next.state.apply(events[index]) }
            let nonFinite = next.state.nonFiniteFields
            if !nonFinite.isEmpty {
                var errors = ValidationErrors()
                for field in nonFinite { errors.add(ValidationMessage.mustStayFinite, to: field) }
                throw .rejected(errors)
            }
            var proposed: [ProposedEvent] = []
            proposed.reserveCapacity(events.count)
            for event in events {
                proposed.append(
                    ProposedEvent(
                        eventType: event.eventType,
                        schemaVersion: event.schemaVersion,
                        commandID: metadata.commandID,
                        correlationID: metadata.correlationID,
                        causationID: metadata.commandID,
                        payload: event.payload,
                        metadata: metadata.metadata
                    )
                )
            }
            let expected: ExpectedVersion = current.map { .exactly($0.version) } ?? .noStream
            let recorded: [RecordedEvent]
            do {
                recorded = try await store.append(proposed, to: stream, expectedVersion: expected)
            } catch let error as EventStoreError where error.kind == .wrongExpectedVersion {
                current = try await catchUp(stream, from: current)
                continue
            } catch {
                throw Self.storeFailure(error)
            }
            next.version = recorded.last?.version ?? base.version
            keep(id, next)
            flights.record(metadata.commandID, aggregateID: id, version: next.version)
            if next.version / snapshotEvery > base.version / snapshotEvery, let last = recorded.last {
                await saveSnapshot(next, of: stream, lastEventID: last.eventID)
            }
            return next
        }
        throw .conflict(stream)
    }

    /// Keeps a new state in the read model and marks it current in the cache.
    func keep(_ id: UUID, _ entry: VersionedState<State>) {
        if let slot = cache.get(id) {
            readModel.update(at: slot, to: entry)
        } else {
            cache.set(id, readModel.update(id, to: entry))
        }
    }

    /// A store's error as a dispatch error.
    static func storeFailure(_ error: any Error) -> DispatchError {
        .storeFailure(error as? EventStoreError ?? EventStoreError(.io, "\(error)"))
    }
}
