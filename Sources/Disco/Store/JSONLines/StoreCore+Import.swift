import Foundation

extension StoreCore {
    /// Appends events recorded by another store with their envelopes, as one write: each run
    /// of consecutive events of one stream and one command becomes one command in the file.
    func importEvents(_ events: [RecordedEvent]) async throws {
        guard !events.isEmpty else { return }
        let runs = try events.commandRuns.map { run throws(EventStoreError) in
            (
                pieces: try EventLineEncoder.pieces(
                    of: run.map(ProposedEvent.init(recorded:)),
                    stream: run[run.startIndex].stream
                ), events: run
            )
        }
        _ = try await enqueue { state throws(EventStoreError) in
            var versions: [StreamID: Int] = [:]
            for (offset, event) in events.enumerated() {
                let expectedPosition = state.index.head + Int64(offset) + 1
                let current = versions[event.stream] ?? state.index.version(of: event.stream)
                guard event.position == expectedPosition, event.version == current + 1 else {
                    throw EventStoreError(
                        .wrongExpectedVersion,
                        "cannot import event \(event.position) (version \(event.version) of \(event.stream)): the store expects position \(expectedPosition) and version \(current + 1)"
                    )
                }
                versions[event.stream] = event.version
            }
            for run in runs {
                for (piece, event) in zip(run.pieces, run.events) {
                    state.appendLine(
                        piece,
                        position: event.position,
                        stream: event.stream,
                        version: event.version,
                        commandID: event.commandID,
                        recordedAt: event.recordedAt
                    )
                }
            }
            return events.map {
                var recorded = $0
                recorded.recordedAt = UTCTimestamp.truncatedToMilliseconds($0.recordedAt)
                return recorded
            }
        }
    }
}
