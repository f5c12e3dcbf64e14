import Foundation

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
    func replay(_ event: RecordedEvent) throws
}

/// The states of one aggregate type and the dispatching of its commands.
///
/// Every state is kept, in creation order: it is the read model that queries run on and
/// the cache commands decide on. Commands on one aggregate take turns; commands on
/// different aggregates interleave while they wait for the store.
actor AggregateRuntime<State: Aggregate>: AnyAggregateRuntime {
    nonisolated let aggregateName = State.aggregateName
    nonisolated let commandNames = State.commandNames
    nonisolated let queryNames = State.queryNames

    private struct Entry {
        var state: State
        var version: Int
    }

    private let store: any EventStore
    private let maxAttempts: Int
    private var entries: [UUID: Entry] = [:]
    private var creationOrder: [UUID] = []
    private var waitingForTurn: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    init(store: any EventStore, maxAttempts: Int = 5) {
        self.store = store
        self.maxAttempts = maxAttempts
    }

    func prepare(_ name: String, _ params: Params, metadata: CommandMetadata) throws(DispatchError) -> PreparedCommand {
        let command: State.Command
        do {
            guard let parsed = try State.command(named: name, params: params) else {
                throw DispatchError.unknownCommand(name)
            }
            command = parsed
        } catch let errors as ValidationErrors {
            throw .invalidParams(errors)
        } catch {
            throw error as? DispatchError ?? .unknownCommand(name)
        }
        let id = command.aggregateID ?? UUID()
        return PreparedCommand(aggregateID: id) { () async throws(DispatchError) -> AggregateState in
            try await self.execute(command, id: id, metadata: metadata)
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
        let matches = creationOrder.lazy.compactMap { self.entries[$0] }.filter { query.matches($0.state) }
        switch query.returns {
        case .list: return .list(matches.map(snapshot))
        case .one: return .one(matches.first.map(snapshot))
        }
    }

    func replay(_ event: RecordedEvent) throws {
        try advance(event.stream.id, with: [event])
    }

    // MARK: Executing commands

    private func execute(
        _ command: State.Command,
        id: UUID,
        metadata: CommandMetadata
    ) async throws(DispatchError) -> AggregateState {
        await beginTurn(id)
        defer { endTurn(id) }
        let stream = StreamID(aggregate: aggregateName, id: id)
        for _ in 0..<maxAttempts {
            let current = entries[id]
            if command.creates, current != nil { throw .rejected(["id": [ValidationMessage.alreadyExists]]) }
            if !command.creates, current == nil { throw .rejected(["id": [ValidationMessage.notFound]]) }
            let state = current?.state ?? State(id: id)
            let events: [State.Event]
            do {
                events = try state.execute(command, context: CommandContext())
            } catch {
                throw .rejected(error)
            }
            guard !events.isEmpty else { return snapshot(Entry(state: state, version: current?.version ?? 0)) }
            let proposed = events.map { event in
                ProposedEvent(
                    eventType: event.eventType,
                    schemaVersion: event.schemaVersion,
                    commandID: metadata.commandID,
                    correlationID: metadata.correlationID,
                    causationID: metadata.causationID ?? metadata.commandID,
                    payload: event.payload,
                    metadata: metadata.metadata
                )
            }
            let expected: ExpectedVersion = current.map { .exactly($0.version) } ?? .noStream
            do {
                let recorded = try await store.append(proposed, to: stream, expectedVersion: expected)
                try advance(id, with: zip(recorded, events).map { ($0.version, $1) })
                return try snapshot(of: id)
            } catch let error as EventStoreError where error.kind == .wrongExpectedVersion {
                try await catchUp(stream)
            } catch let error as DispatchError {
                throw error
            } catch {
                throw .storeFailure(error as? EventStoreError ?? EventStoreError(.io, "\(error)"))
            }
        }
        throw .conflict(stream)
    }

    /// Reads what other writers appended to a stream since the cached version.
    private func catchUp(_ stream: StreamID) async throws(DispatchError) {
        do {
            let newer = try await store.read(stream: stream, after: entries[stream.id]?.version ?? 0)
            try advance(stream.id, with: newer)
        } catch let error as DispatchError {
            throw error
        } catch {
            throw .storeFailure(error as? EventStoreError ?? EventStoreError(.io, "\(error)"))
        }
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

    private func advance(_ id: UUID, with recorded: [RecordedEvent]) throws(DispatchError) {
        let events: [(Int, State.Event)]
        do {
            events = try recorded.map { event throws(EventDecodingError) in
                (
                    event.version,
                    try State.Event(eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payload)
                )
            }
        } catch {
            throw .storeFailure(EventStoreError(.corrupted, "\(error)"))
        }
        try advance(id, with: events)
    }

    private func advance(_ id: UUID, with events: [(version: Int, event: State.Event)]) throws(DispatchError) {
        var entry = entries[id] ?? Entry(state: State(id: id), version: 0)
        let isNew = entries[id] == nil
        for (version, event) in events where version > entry.version {
            guard version == entry.version + 1 else {
                throw .storeFailure(
                    EventStoreError(.corrupted, "\(aggregateName) \(id) jumps from version \(entry.version) to \(version)")
                )
            }
            entry.state.apply(event)
            entry.version = version
        }
        if isNew { creationOrder.append(id) }
        entries[id] = entry
    }

    private func snapshot(of id: UUID) throws(DispatchError) -> AggregateState {
        guard let entry = entries[id] else { throw .rejected(["id": [ValidationMessage.notFound]]) }
        return snapshot(entry)
    }

    private func snapshot(_ entry: Entry) -> AggregateState {
        AggregateState(aggregate: aggregateName, id: entry.state.id, version: entry.version, fields: entry.state.fields)
    }
}
