import Foundation

extension AggregateRuntime {
    /// The number of events between two snapshots, at least 1.
    var snapshotEvery: Int { max(options.snapshotEvery, 1) }

    /// How many of the last commands of a stream a snapshot remembers.
    static var recentCommandLimit: Int { 32 }

    /// The latest usable snapshot of a stream: `nil` when there is no snapshot store, the
    /// aggregate is not ``SnapshotCodable``, there is no snapshot, or it was saved under
    /// another schema or cannot be read (then the events are replayed instead).
    func latestSnapshot(of stream: StreamID) async throws(DispatchError) -> (state: VersionedState<State>, snapshot: Snapshot)? {
        guard let snapshots = options.snapshots, let codable = State.self as? any SnapshotCodable.Type else { return nil }
        let snapshot: Snapshot
        do {
            guard let found = try await snapshots.snapshot(of: stream) else { return nil }
            snapshot = found
        } catch {
            logger.warning("reading a snapshot failed; replaying the events instead", metadata: ["stream": "\(stream)", "error": "\(error)"])
            return nil
        }
        guard snapshot.schema == codable.snapshotSchema, snapshot.version > 0 else { return nil }
        do {
            guard let state = try codable.init(snapshot: snapshot.state) as? State, state.id == stream.id else { return nil }
            return (VersionedState(state: state, version: snapshot.version), snapshot)
        } catch {
            logger.warning("a snapshot cannot be read; replaying the events instead", metadata: ["stream": "\(stream)", "error": "\(error)"])
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
    /// and the events after it, saving a new snapshot when that replayed many events.
    func restore(_ streams: [StreamSummary]) async throws {
        for summary in streams {
            let stream = summary.stream
            let restored = try await latestSnapshot(of: stream)
            var entry = restored?.state ?? VersionedState(state: State(id: stream.id), version: 0)
            if let snapshot = restored?.snapshot {
                for commandID in snapshot.recentCommandIDs {
                    ledger.record(commandID, aggregateID: stream.id, version: snapshot.version)
                }
            }
            let events = try await store.read(stream: stream, after: entry.version)
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
