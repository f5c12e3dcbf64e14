import Foundation

extension AggregateRuntime {
    /// The number of events between two snapshots, at least 1.
    var snapshotEvery: Int { max(options.snapshotEvery, 1) }

    /// A stream's latest usable snapshot and the events after it, or all its events when it
    /// has none. Runs off the actor, so that start-up reads ahead while it folds.
    ///
    /// A snapshot is used only when the aggregate is ``SnapshotCodable``, the snapshot was
    /// saved under the same schema, its state can be read, and the stream still holds the
    /// event the snapshot was taken after (same version and event id). Otherwise it is
    /// ignored (with a warning when it is damaged or does not match the events, as after
    /// restoring an older `events.jsonl`) and every event is read.
    nonisolated func loadFromSnapshot(
        _ stream: StreamID
    ) async throws -> (base: VersionedState<State>?, events: [RecordedEvent]) {
        if let (base, snapshot) = await decodedSnapshot(of: stream) {
            let events = try await store.read(stream: stream, after: snapshot.version - 1)
            if let first = events.first, first.version == snapshot.version, first.eventID == snapshot.lastEventID {
                return (base, Array(events.dropFirst()))
            }
            logger.warning(
                "a snapshot does not match the stream's events; replaying them instead",
                metadata: ["stream": "\(stream)", "snapshot_version": "\(snapshot.version)"]
            )
        }
        return (nil, try await store.read(stream: stream, after: 0))
    }

    /// The latest snapshot of a stream and the state it holds, when it can be used.
    private nonisolated func decodedSnapshot(of stream: StreamID) async -> (VersionedState<State>, Snapshot)? {
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

    /// Saves a snapshot of a state whose last event is `lastEventID`. A failure is logged and
    /// otherwise ignored: snapshots only save time.
    func saveSnapshot(_ entry: VersionedState<State>, of stream: StreamID, lastEventID: UUID) async {
        guard let snapshots = options.snapshots, let codable = State.self as? any SnapshotCodable.Type else { return }
        do {
            try await snapshots.save(
                Snapshot(
                    stream: stream,
                    version: entry.version,
                    lastEventID: lastEventID,
                    schema: codable.snapshotSchema,
                    state: entry.state.fields
                )
            )
        } catch {
            logger.warning("saving a snapshot failed", metadata: ["stream": "\(stream)", "error": "\(error)"])
        }
    }

    /// Rebuilds the read model at start-up, stream by stream: each from its latest snapshot
    /// and the events after it, saving a new snapshot when that replayed many events. The
    /// next streams are read by tasks of their own while the current one is folded. The
    /// command ledger is filled separately (``remember(_:)``).
    func restore(_ streams: [StreamSummary]) async throws {
        let lookahead = 4
        var pending: [Task<(base: VersionedState<State>?, events: [RecordedEvent]), any Error>] = []
        defer { pending.forEach { $0.cancel() } }
        var requested = 0
        func request() {
            let stream = streams[requested].stream
            requested += 1
            pending.append(Task.detached { [self] in try await loadFromSnapshot(stream) })
        }
        while requested < streams.count && pending.count < lookahead { request() }
        for summary in streams {
            let stream = summary.stream
            let (base, events) = try await pending.removeFirst().value
            if requested < streams.count { request() }
            var entry = base ?? VersionedState(state: State(id: stream.id), version: 0)
            for event in events {
                try fold(event, into: &entry)
            }
            readModel.update(stream.id, to: entry)
            if events.count >= snapshotEvery, let last = events.last {
                await saveSnapshot(entry, of: stream, lastEventID: last.eventID)
            }
        }
    }
}
