import Foundation

/// Start-up: rebuilding every aggregate's state and the command history from the store.
extension Orchestrator {
    /// Rebuilds the read models stream by stream, each from its latest snapshot and the
    /// events after it, in the order the streams began.
    func restoreStreams(_ listing: any StreamListing) async throws {
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
    func rememberRecentCommands(limit: Int?, batchSize: Int = 4096) async throws {
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
    func replayStore(batchSize: Int = 4096, lookahead: Int = 2) async throws {
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
    func fold(_ batch: [RecordedEvent]) async throws {
        for (aggregate, events) in Self.byAggregate(batch, known: runtimesByAggregate) {
            try await runtimesByAggregate[aggregate]?.replay(events)
        }
    }

    /// The events of a page by aggregate type, for the types the orchestrator knows.
    static func byAggregate(
        _ batch: [RecordedEvent],
        known: [String: any AnyAggregateRuntime]
    ) -> [String: [RecordedEvent]] {
        var byAggregate: [String: [RecordedEvent]] = [:]
        for event in batch where known[event.stream.aggregate] != nil {
            byAggregate[event.stream.aggregate, default: []].append(event)
        }
        return byAggregate
    }
}
