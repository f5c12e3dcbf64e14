/// Copies every event of one store into another, keeping the envelopes: how a JSON-lines
/// store moves into PostgreSQL, and back.
///
/// ```swift
/// let report = try await EventStoreCopier().copy(from: jsonLinesStore, to: postgresStore)
/// ```
///
/// The destination must be empty or hold a prefix of the source (an earlier, interrupted
/// copy): the copier checks that prefix event by event id and carries on after it, so a copy
/// can be run again until it completes. Nothing should write to either store meanwhile.
///
/// When the destination is an ``ImportableEventStore`` every envelope field is kept. Otherwise
/// the copier appends each command's events (consecutive events of one stream with one
/// command id) with the expected version they had, keeping ids and versions, checks that the
/// destination gave them the source's positions, and lets the destination record its own
/// times (``EventStoreCopyReport/preservedEnvelopes`` is then `false`).
///
/// With an ``EventUpcaster`` the copy retires old schema versions: every event of the
/// upcaster's aggregates is written in its current shape (its current type name, schema
/// version and payload, through the spec's upcast steps), and everything else in its envelope
/// is kept. The source is only read.
///
/// ```swift
/// let copier = EventStoreCopier(upcaster: EventUpcaster([Wallet.self, BankAccount.self]))
/// let report = try await copier.copy(from: oldStore, to: newStore) { print("copied up to \($0)") }
/// ```
public struct EventStoreCopier: Sendable {
    /// How many events are read, and imported, at a time.
    public var batchSize: Int

    /// Carries events forward to their current version on the way, when set.
    public var upcaster: EventUpcaster?

    /// A copier reading `batchSize` events at a time, upcasting them with `upcaster` if given.
    public init(batchSize: Int = 1_000, upcaster: EventUpcaster? = nil) {
        self.batchSize = max(1, batchSize)
        self.upcaster = upcaster
    }

    /// Copies the events of `source` that `destination` does not hold yet.
    ///
    /// - Parameter progress: Called after each batch with the position copied up to.
    /// - Throws: ``EventStoreError`` of kind `corrupted` when the destination holds events that
    ///   are not the source's, or the source's positions have gaps; of kind `corrupted` or
    ///   `newerSchemaVersion` when upcasting meets an event it cannot read (nothing after the
    ///   last whole batch is written); whatever the stores throw.
    public func copy(
        from source: some EventStore,
        to destination: some EventStore,
        progress: (Int64) -> Void = { _ in }
    ) async throws -> EventStoreCopyReport {
        let destinationHead = try await destination.headPosition()
        let sourceHead = try await source.headPosition()
        guard destinationHead <= sourceHead else {
            throw EventStoreError(
                .corrupted,
                "the destination holds \(destinationHead) events, more than the source's \(sourceHead): it is not a copy of it"
            )
        }
        try await checkPrefix(of: source, in: destination, upTo: destinationHead)
        let importer = destination as? any ImportableEventStore
        var position = destinationHead
        var copied: Int64 = 0
        var upcast: Int64 = 0
        while true {
            var batch = try await source.readAll(after: position, limit: batchSize)
            guard !batch.isEmpty else { break }
            for (offset, event) in batch.enumerated() where event.position != position + Int64(offset) + 1 {
                throw EventStoreError(
                    .corrupted,
                    "the source has a gap: position \(event.position) follows \(position + Int64(offset))"
                )
            }
            // The page's last command may go on in the next page: keep it for the next batch,
            // so that the destination records every command whole.
            if batch.count == batchSize, let lastCommand = batch.commandRuns.last, lastCommand.startIndex > 0 {
                batch.removeSubrange(lastCommand.startIndex...)
            }
            if let upcaster {
                upcast += try Self.upcast(&batch, with: upcaster)
            }
            if let importer {
                try await importer.importEvents(batch)
            } else {
                try await appendByCommand(batch, to: destination)
            }
            position += Int64(batch.count)
            copied += Int64(batch.count)
            progress(position)
        }
        return EventStoreCopyReport(
            alreadyPresent: destinationHead,
            copied: copied,
            upcast: upcast,
            preservedEnvelopes: importer != nil
        )
    }

    /// Replaces each event of a batch by its current shape.
    /// - Returns: How many events changed type name or schema version.
    private static func upcast(_ batch: inout [RecordedEvent], with upcaster: EventUpcaster) throws -> Int64 {
        var changed: Int64 = 0
        for index in batch.indices {
            let recorded = batch[index]
            do {
                batch[index] = try upcaster.upcast(recorded)
            } catch {
                throw error.storeError(at: recorded)
            }
            if batch[index].eventType != recorded.eventType || batch[index].schemaVersion != recorded.schemaVersion {
                changed += 1
            }
        }
        return changed
    }

    private func checkPrefix(of source: some EventStore, in destination: some EventStore, upTo head: Int64) async throws
    {
        var position: Int64 = 0
        while position < head {
            let theirs = try await destination.readAll(after: position, limit: min(batchSize, Int(head - position)))
            let ours = try await source.readAll(after: position, limit: theirs.count)
            guard !theirs.isEmpty else { break }
            for (copy, original) in zip(theirs, ours)
            where copy.eventID != original.eventID || copy.position != original.position {
                throw EventStoreError(
                    .corrupted,
                    "the destination's event at position \(copy.position) (\(copy.eventID)) is not the source's (\(original.eventID) at \(original.position)): copy only into an empty store or an earlier copy"
                )
            }
            position += Int64(theirs.count)
        }
    }

    private func appendByCommand(_ batch: [RecordedEvent], to destination: some EventStore) async throws {
        for command in batch.commandRuns {
            let first = command[command.startIndex]
            let expected: ExpectedVersion = first.version == 1 ? .noStream : .exactly(first.version - 1)
            let recorded = try await destination.append(
                command.map(ProposedEvent.init(recorded:)),
                to: first.stream,
                expectedVersion: expected
            )
            for (copy, original) in zip(recorded, command) where copy.position != original.position {
                throw EventStoreError(
                    .corrupted,
                    "the destination recorded event \(original.eventID) at position \(copy.position), not \(original.position)"
                )
            }
        }
    }
}
