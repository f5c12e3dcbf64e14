import Disco
import DiscoExamples
import Foundation

/// Loading one aggregate with a long stream, with and without snapshots: the time should
/// follow the events after the latest snapshot, not the length of the stream.
enum SnapshotBench {
    static func run(in folder: URL, events: Int) async throws {
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wallet = UUID()
        let stream = StreamID(aggregate: Wallet.aggregateName, id: wallet)
        do {
            let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
            var written = 0
            while written < events {
                let commandID = UUID()
                let size = written == 0 ? 1 : min(100, events - written)
                let batch = (0..<size).map { _ in
                    written == 0
                        ? ProposedEvent(
                            eventType: "wallet_created",
                            commandID: commandID,
                            correlationID: commandID,
                            payload: ["user_id": .string(UUID().uuidString.lowercased()), "balance": 0.0]
                        )
                        : ProposedEvent(
                            eventType: "money_deposited",
                            commandID: commandID,
                            correlationID: commandID,
                            payload: ["amount": 1.0]
                        )
                }
                _ = try await store.append(batch, to: stream, expectedVersion: .any)
                written += size
            }
            await store.close()
        }

        // Without snapshots: start replays the whole stream.
        let full = try await timeStart(folder, snapshots: false)
        // A start that snapshots on load replays it once more and saves a snapshot.
        try await resnapshot(folder)
        var rows: [Value] = []
        for after in [0, 100, 1_000, 10_000] where after < events {
            try await deposit(after, into: stream, in: folder)
            let seconds = try await timeStart(folder, snapshots: true)
            rows.append(
                .object(["events_after_snapshot": .int(after), "load_ms": BenchReport.round(seconds * 1_000, 2)])
            )
            try await resnapshot(folder)
        }
        // With the default ledger window, start-up also reads the last 100,000 events in
        // order (without folding them) to recognise commands dispatched again.
        let defaultLedger = try await timeStart(folder, snapshots: true, commandHistoryLimit: 100_000)
        BenchReport.emit(
            "long_stream_load",
            [
                "stream_events": .int(events), "without_snapshot_ms": BenchReport.round(full * 1_000, 2),
                "with_snapshot": .array(rows), "command_history_limit": .int(1_000),
                "with_snapshot_and_command_history_limit_100000_ms": BenchReport.round(defaultLedger * 1_000, 2),
                "target": "time proportional to the events after the latest snapshot",
            ]
        )
    }

    /// Seconds to open the store and start an orchestrator over it.
    private static func timeStart(_ folder: URL, snapshots: Bool, commandHistoryLimit: Int = 1_000) async throws -> Double {
        let (store, seconds) = try await BenchReport.time { () async throws -> JSONLinesEventStore in
            let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
            let options =
                snapshots
                ? OrchestratorOptions(
                    snapshots: store.snapshots,
                    snapshotEvery: 1_000_000_000,
                    commandHistoryLimit: commandHistoryLimit
                )
                : OrchestratorOptions()
            _ = try await Orchestrator.start([Wallet.self], store: store, options: options)
            return store
        }
        await store.close()
        return seconds
    }

    private static func deposit(_ count: Int, into stream: StreamID, in folder: URL) async throws {
        guard count > 0 else { return }
        let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        let commandID = UUID()
        let batch = (0..<count).map { _ in
            ProposedEvent(
                eventType: "money_deposited",
                commandID: commandID,
                correlationID: commandID,
                payload: ["amount": 1.0]
            )
        }
        _ = try await store.append(batch, to: stream, expectedVersion: .any)
        await store.close()
    }

    /// Starts once with a snapshot taken on every load, so the next row starts from a fresh one.
    private static func resnapshot(_ folder: URL) async throws {
        let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        _ = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(snapshots: store.snapshots, snapshotEvery: 1)
        )
        await store.close()
    }
}
