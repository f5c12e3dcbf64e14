import Foundation

/// Building states: from the read model, a snapshot and the store's events, at start-up
/// and when a command needs a state the cache does not mark as current.
extension AggregateRuntime {
    /// Folds events recorded before start-up into the read model, and notes their commands.
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
            flights.record(event.commandID, aggregateID: event.stream.id, version: event.version)
        }
    }

    /// Notes the commands of recorded events, without folding them.
    func remember(_ commands: [RecordedCommand]) {
        for command in commands {
            flights.record(command.commandID, aggregateID: command.stream.id, version: command.version)
        }
    }

    /// The state this process knows, without reading the store.
    func known(_ id: UUID) -> VersionedState<State>? {
        if let slot = cache.get(id) ?? readModel.slot(of: id) { return readModel.entry(at: slot) }
        return nil
    }

    /// The current state of an aggregate: from the read model when the cache marks it
    /// current, otherwise caught up from the store, or rebuilt from a snapshot and the
    /// store's events; `nil` when the stream is empty.
    func load(_ stream: StreamID) async throws(DispatchError) -> VersionedState<State>? {
        if let slot = cache.get(stream.id) { return readModel.entry(at: slot) }
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
    func catchUp(
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
            if let base { keep(stream.id, base) }
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

    /// The state a recorded command left: the aggregate at the version of its last event.
    func state(of recorded: CommandLedger.Record) async throws(DispatchError) -> VersionedState<State> {
        if let entry = readModel.entry(recorded.aggregateID), entry.version == recorded.version {
            return entry
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
        return entry
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
}
