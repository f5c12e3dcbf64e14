import Foundation

extension AggregateRuntime {
    /// The number of events between two snapshots, at least 1.
    var snapshotEvery: Int { max(options.snapshotEvery, 1) }

    /// How many of the last commands of a stream a snapshot remembers.
    static var recentCommandLimit: Int { 32 }

    /// The latest usable snapshot of a stream: `nil` when there is no snapshot store, the
    /// aggregate is not ``SnapshotCodable``, there is no snapshot, or it was saved under
    /// another schema or cannot be read (then the events are replayed instead).
    nonisolated func latestSnapshot(of stream: StreamID) async -> (state: VersionedState<State>, snapshot: Snapshot)? {
        guard let snapshots = options.snapshots, let codable = State.self as? any SnapshotCodable.Type else {
            return nil
        }
        let snapshot: Snapshot
        do {
            guard let found = try await snapshots.snapshot(of: stream) else { return nil }
            snapshot = found
        } catch {
            logger.warning(
                "reading a snapshot failed; replaying the events instead",
                metadata: ["stream": "\(stream)", "error": "\(error)"]
            )
            return nil
        }
        guard snapshot.schema == codable.snapshotSchema, snapshot.version > 0 else { return nil }
        do {
            guard let state = try codable.init(snapshot: snapshot.state) as? State, state.id == stream.id else {
                return nil
            }
            return (VersionedState(state: state, version: snapshot.version), snapshot)
        } catch {
            logger.warning(
                "a snapshot cannot be read; replaying the events instead",
                metadata: ["stream": "\(stream)", "error": "\(error)"]
            )
            return nil
        }
    }

    /// Saves a snapshot of a state, with the ids of the stream's last commands. A failure is
    /// logged and otherwise ignored: snapshots only save time.
    func saveSnapshot(_ entry: VersionedState<State>, of stream: StreamID) async {
        guard let snapshots = options.snapshots, let codable = State.self as? any SnapshotCodable.Type else { return }
        do {
            let recent = try await store.read(stream: stream, after: max(entry.version - Self.recentCommandLimit, 0))
            var commandIDs: [UUID] = []
            for event in recent where event.version <= entry.version && commandIDs.last != event.commandID {
                commandIDs.append(event.commandID)
            }
            try await snapshots.save(
                Snapshot(
                    stream: stream,
                    version: entry.version,
                    schema: codable.snapshotSchema,
                    state: entry.state.fields,
                    recentCommandIDs: commandIDs
                )
            )
        } catch {
            logger.warning("saving a snapshot failed", metadata: ["stream": "\(stream)", "error": "\(error)"])
        }
    }

    /// Rebuilds the read model at start-up, stream by stream: each from its latest snapshot
    /// and the events after it, saving a new snapshot when that replayed many events. The
    /// next streams are read while the current one is folded.
    func restore(_ streams: [StreamSummary]) async throws {
        let lookahead = 4
        var pending: [Task<(VersionedState<State>?, Snapshot?, [RecordedEvent]), any Error>] = []
        defer { pending.forEach { $0.cancel() } }
        var requested = 0
        func request() {
            let stream = streams[requested].stream
            requested += 1
            pending.append(
                Task {
                    let restored = await self.latestSnapshot(of: stream)
                    let events = try await self.store.read(stream: stream, after: restored?.state.version ?? 0)
                    return (restored?.state, restored?.snapshot, events)
                }
            )
        }
        while requested < streams.count && pending.count < lookahead { request() }
        for summary in streams {
            let stream = summary.stream
            let (base, snapshot, events) = try await pending.removeFirst().value
            if requested < streams.count { request() }
            var entry = base ?? VersionedState(state: State(id: stream.id), version: 0)
            if let snapshot {
                for commandID in snapshot.recentCommandIDs {
                    ledger.record(commandID, aggregateID: stream.id, version: snapshot.version)
                }
            }
            for event in events {
                try fold(event, into: &entry)
                ledger.record(event.commandID, aggregateID: stream.id, version: event.version)
            }
            readModel.update(stream.id, to: entry)
            if events.count >= snapshotEvery {
                await saveSnapshot(entry, of: stream)
            }
        }
    }
}
