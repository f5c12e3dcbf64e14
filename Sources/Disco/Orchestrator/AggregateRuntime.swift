import Foundation
import Logging

/// A command that passed validation, with the id of the aggregate it is for and the work
/// that records it.
struct PreparedCommand: Sendable {
    let aggregateID: UUID
    let run: @Sendable () async throws(DispatchError) -> AggregateState
}

/// What the orchestrator needs of one aggregate type, whatever the type.
protocol AnyAggregateRuntime: Actor {
    nonisolated var aggregateName: String { get }
    nonisolated var commandNames: [String] { get }
    nonisolated var queryNames: [String] { get }

    func prepare(_ name: String, _ params: Params, metadata: CommandMetadata) throws(DispatchError) -> PreparedCommand
    func query(_ name: String, _ params: Params) throws(QueryError) -> QueryResult
    func replay(_ events: [RecordedEvent]) throws
    func restore(_ streams: [StreamSummary]) async throws
    func remember(_ commands: [RecordedCommand])
}

/// The states of one aggregate type and the dispatching of its commands.
///
/// Two stores of states: a bounded cache (least recently used first out) that commands
/// decide on, and the complete read model, in creation order, that queries run on. A state
/// missing from the cache is rebuilt from the read model (or a snapshot) and the store's
/// newer events. Commands on one aggregate take turns; commands on different aggregates
/// interleave while they wait for the store.
actor AggregateRuntime<State: Aggregate>: AnyAggregateRuntime {
    nonisolated let aggregateName = State.aggregateName
    nonisolated let commandNames = State.commandNames
    nonisolated let queryNames = State.queryNames

    let store: any EventStore
    let options: OrchestratorOptions
    let logger: Logger
    var cache: StateCache<UUID, VersionedState<State>>
    var readModel = ReadModel<State>()
    private var waitingForTurn: [UUID: [CheckedContinuation<Void, Never>]] = [:]
    var ledger: CommandLedger
    private var inFlight: [UUID: Flight] = [:]

    /// Dispatches of one command id that are prepared or running: later ones wait for the
    /// first one's outcome instead of recording the command again.
    private struct Flight {
        var aggregateID: UUID
        var prepared = 1
        var running = false
        var waiters: [CheckedContinuation<Result<AggregateState, DispatchError>, Never>] = []
    }

    init(store: any EventStore, options: OrchestratorOptions, logger: Logger) {
        self.store = store
        self.options = options
        self.logger = logger
        self.cache = StateCache(limit: options.cacheLimit)
        self.ledger = CommandLedger(limit: options.commandHistoryLimit)
    }

    func prepare(_ name: String, _ params: Params, metadata: CommandMetadata) throws(DispatchError) -> PreparedCommand {
        let command = try parse(name, params)
        let commandID = metadata.commandID
        let id: UUID
        var registered = true
        if let recorded = ledger[commandID] {
            id = command.aggregateID ?? recorded.aggregateID
            registered = false
        } else if let flight = inFlight[commandID] {
            id = command.aggregateID ?? flight.aggregateID
            inFlight[commandID]!.prepared += 1
        } else {
            id = command.aggregateID ?? UUID()
            inFlight[commandID] = Flight(aggregateID: id)
        }
        let owner = registered
        return PreparedCommand(aggregateID: id) { () async throws(DispatchError) -> AggregateState in
            try await self.run(command, id: id, metadata: metadata, registered: owner)
        }
    }

    func query(_ name: String, _ params: Params) throws(QueryError) -> QueryResult {
        let query: Query<State>
        do {
            guard let parsed = try State.query(named: name, params: params) else { throw QueryError.unknownQuery(name) }
            query = parsed
        } catch let errors as ValidationErrors {
            throw .invalidParams(errors)
        } catch {
            throw error as? QueryError ?? .unknownQuery(name)
        }
        let matches = readModel.matches(query)
        switch query.returns {
        case .list: return .list(matches.map(snapshot))
        case .one: return .one(matches.first.map(snapshot))
        }
    }

    /// Folds events recorded before start-up into the read model.
    func replay(_ events: [RecordedEvent]) throws {
        var pending: (id: UUID, entry: VersionedState<State>)?
        for event in events {
            let id = event.stream.id
            var entry: VersionedState<State>
            if let current = pending, current.id == id {
                entry = current.entry
            } else {
                if let current = pending { readModel.update(current.id, to: current.entry) }
                entry = readModel.entry(id) ?? VersionedState(state: State(id: id), version: 0)
            }
            try fold(event, into: &entry)
            pending = (id, entry)
        }
        if let current = pending { readModel.update(current.id, to: current.entry) }
        for event in events {
            ledger.record(event.commandID, aggregateID: event.stream.id, version: event.version)
        }
    }

    // MARK: Executing commands

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

    /// Runs a prepared command once per command id: a command id already recorded returns
    /// the state its events left; one running returns the same outcome when it is done.
    private func run(
        _ command: State.Command,
        id: UUID,
        metadata: CommandMetadata,
        registered: Bool
    ) async throws(DispatchError) -> AggregateState {
        let commandID = metadata.commandID
        var owns = registered
        defer {
            if owns, let flight = inFlight[commandID] {
                if flight.prepared <= 1 { inFlight[commandID] = nil } else { inFlight[commandID]!.prepared -= 1 }
            }
        }
        if let recorded = ledger[commandID] {
            return try await state(of: recorded)
        }
        if inFlight[commandID]?.running == true {
            let outcome = await withCheckedContinuation { inFlight[commandID]!.waiters.append($0) }
            return try outcome.get()
        }
        if inFlight[commandID] == nil {
            inFlight[commandID] = Flight(aggregateID: id)
            owns = true
        }
        inFlight[commandID]!.running = true
        let outcome: Result<AggregateState, DispatchError>
        do throws(DispatchError) {
            outcome = .success(try await execute(command, id: id, metadata: metadata))
        } catch {
            outcome = .failure(error)
        }
        inFlight[commandID]!.running = false
        let waiters = inFlight[commandID]!.waiters
        inFlight[commandID]!.waiters = []
        for waiter in waiters { waiter.resume(returning: outcome) }
        return try outcome.get()
    }

    /// The state a recorded command left: the aggregate at the version of its last event.
    private func state(of recorded: CommandLedger.Record) async throws(DispatchError) -> AggregateState {
        if let entry = cache.get(recorded.aggregateID) ?? readModel.entry(recorded.aggregateID),
            entry.version == recorded.version
        {
            return snapshot(entry)
        }
        let stream = StreamID(aggregate: aggregateName, id: recorded.aggregateID)
        let events: [RecordedEvent]
        do {
            events = try await store.read(stream: stream, after: 0)
        } catch {
            throw Self.storeFailure(error)
        }
        var entry = VersionedState(state: State(id: recorded.aggregateID), version: 0)
        for event in events where event.version <= recorded.version {
            try fold(event, into: &entry)
        }
        return snapshot(entry)
    }

    private func execute(
        _ command: State.Command,
        id: UUID,
        metadata: CommandMetadata
    ) async throws(DispatchError) -> AggregateState {
        await beginTurn(id)
        defer { endTurn(id) }
        let stream = StreamID(aggregate: aggregateName, id: id)
        // A creating command does not read the store: appending with `noStream` finds out.
        var current = command.creates ? known(id) : try await load(stream)
        for _ in 0..<options.maxAttempts {
            if command.creates, current != nil { throw .rejected(["id": [ValidationMessage.alreadyExists]]) }
            if !command.creates, current == nil { throw .rejected(["id": [ValidationMessage.notFound]]) }
            let base = current ?? VersionedState(state: State(id: id), version: 0)
            let events: [State.Event]
            do {
                events = try base.state.execute(command, context: CommandContext())
            } catch {
                throw .rejected(error)
            }
            guard !events.isEmpty else { return snapshot(base) }
            let proposed = events.map { event in
                ProposedEvent(
                    eventType: event.eventType,
                    schemaVersion: event.schemaVersion,
                    commandID: metadata.commandID,
                    correlationID: metadata.correlationID,
                    causationID: metadata.commandID,
                    payload: event.payload,
                    metadata: metadata.metadata
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
            var next = base
            for (event, recordedEvent) in zip(events, recorded) {
                next.state.apply(event)
                next.version = recordedEvent.version
            }
            keep(id, next)
            ledger.record(metadata.commandID, aggregateID: id, version: next.version)
            if next.version / snapshotEvery > base.version / snapshotEvery, let last = recorded.last {
                await saveSnapshot(next, of: stream, lastEventID: last.eventID)
            }
            return snapshot(next)
        }
        throw .conflict(stream)
    }

    /// The state this process knows, without reading the store.
    private func known(_ id: UUID) -> VersionedState<State>? {
        cache.get(id) ?? readModel.entry(id)
    }

    /// The current state of an aggregate: from the cache, or rebuilt from the read model or a
    /// snapshot and the store's newer events; `nil` when the stream is empty.
    private func load(_ stream: StreamID) async throws(DispatchError) -> VersionedState<State>? {
        if let cached = cache.get(stream.id) { return cached }
        if let base = readModel.entry(stream.id) { return try await catchUp(stream, from: base) }
        let loaded: (base: VersionedState<State>?, events: [RecordedEvent])
        do {
            loaded = try await loadFromSnapshot(stream)
        } catch {
            throw Self.storeFailure(error)
        }
        return try await fold(loaded.events, onto: loaded.base, of: stream)
    }

    /// Reads what was appended to a stream after a state's version and folds it in.
    private func catchUp(
        _ stream: StreamID,
        from base: VersionedState<State>?
    ) async throws(DispatchError) -> VersionedState<State>? {
        let newer: [RecordedEvent]
        do {
            newer = try await store.read(stream: stream, after: base?.version ?? 0)
        } catch {
            throw Self.storeFailure(error)
        }
        return try await fold(newer, onto: base, of: stream)
    }

    /// Folds a stream's events read from the store onto a state and keeps the result,
    /// snapshotting it when that took many events.
    private func fold(
        _ newer: [RecordedEvent],
        onto base: VersionedState<State>?,
        of stream: StreamID
    ) async throws(DispatchError) -> VersionedState<State>? {
        guard let last = newer.last else {
            if let base { cache.set(stream.id, base) }
            return base
        }
        var entry = base ?? VersionedState(state: State(id: stream.id), version: 0)
        for event in newer {
            try fold(event, into: &entry)
        }
        keep(stream.id, entry)
        if newer.count >= snapshotEvery {
            await saveSnapshot(entry, of: stream, lastEventID: last.eventID)
        }
        return entry
    }

    // MARK: Taking turns

    /// Waits until no earlier command on the aggregate is running; first come, first served.
    private func beginTurn(_ id: UUID) async {
        guard waitingForTurn[id] != nil else {
            waitingForTurn[id] = []
            return
        }
        await withCheckedContinuation { waitingForTurn[id, default: []].append($0) }
    }

    /// Hands the aggregate to the next waiting command.
    private func endTurn(_ id: UUID) {
        guard var queue = waitingForTurn[id], !queue.isEmpty else {
            waitingForTurn[id] = nil
            return
        }
        let next = queue.removeFirst()
        waitingForTurn[id] = queue
        next.resume()
    }

    // MARK: Keeping states

    /// Keeps a new state in the cache and the read model.
    func keep(_ id: UUID, _ entry: VersionedState<State>) {
        cache.set(id, entry)
        readModel.update(id, to: entry)
    }

    /// Folds one recorded event into a state, checking that versions are contiguous.
    func fold(_ event: RecordedEvent, into entry: inout VersionedState<State>) throws(DispatchError) {
        guard event.version > entry.version else { return }
        guard event.version == entry.version + 1 else {
            throw .storeFailure(
                EventStoreError(
                    .corrupted,
                    "\(aggregateName) \(event.stream.id) jumps from version \(entry.version) to \(event.version)"
                )
            )
        }
        let decoded: State.Event
        do {
            decoded = try event.decoded(as: State.self)
        } catch {
            throw .storeFailure(error.storeError(at: event))
        }
        entry.state.apply(decoded)
        entry.version = event.version
    }

    /// A store's error as a dispatch error.
    private static func storeFailure(_ error: any Error) -> DispatchError {
        .storeFailure(error as? EventStoreError ?? EventStoreError(.io, "\(error)"))
    }

    private func snapshot(_ entry: VersionedState<State>) -> AggregateState {
        AggregateState(entry.state, version: entry.version)
    }
}
