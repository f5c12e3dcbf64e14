import Disco
import DiscoExamples
import Foundation

/// Bytes held per aggregate: a JSON-lines store of `wallets` wallets (one `wallet_created`
/// each) is opened from its index checkpoint and the orchestrator rebuilt over it; the
/// resident memory after opening (the store's index) and after the rebuild (the read
/// model, the cache, the command ledger) is divided by the number of wallets.
///
/// `disco-bench --phase memory [--wallets N] [--dir PATH]` writes the store, then measures
/// in a child process (`--phase memory-open`) so that the figures hold nothing of the writing.
enum MemoryBench {
    /// Writes the store of `count` wallets in `folder`.
    static func write(wallets count: Int, in folder: URL) async throws {
        try? FileManager.default.removeItem(at: folder)
        let writer = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        try await withThrowingTaskGroup(of: Void.self) { group in
            let tasks = 8
            for task in 0..<tasks {
                group.addTask {
                    for _ in stride(from: task, to: count, by: tasks) {
                        let commandID = UUID()
                        let event = ProposedEvent(
                            eventType: "wallet_created",
                            commandID: commandID,
                            correlationID: commandID,
                            payload: ["user_id": .string(UUID().uuidString.lowercased()), "balance": 100.0]
                        )
                        let stream = StreamID(aggregate: Wallet.aggregateName, id: UUID())
                        _ = try await writer.append([event], to: stream, expectedVersion: .noStream)
                    }
                }
            }
            try await group.waitForAll()
        }
        await writer.close()
    }

    /// Opens the store in `folder`, rebuilds the orchestrator, and reports the bytes held.
    static func measure(wallets count: Int, in folder: URL) async throws {
        let before = BenchReport.memory()
        let store = try await JSONLinesEventStore.open(directory: folder)
        let afterOpen = BenchReport.memory()
        let options = OrchestratorOptions()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store, options: options)
        let afterRebuild = BenchReport.memory()
        _ = orchestrator
        let mib = 1_048_576.0
        let base = before?.resident ?? 0
        let open = (afterOpen?.resident ?? 0) - base
        let rebuilt = (afterRebuild?.resident ?? 0) - base
        BenchReport.emit(
            "bytes_per_aggregate",
            [
                "aggregates": .int(count), "store": "jsonl (opened from its index checkpoint)",
                "cache_limit": .int(options.cacheLimit),
                "resident_before_open_mib": BenchReport.round(base, 1),
                "resident_after_open_mib": BenchReport.round(afterOpen?.resident ?? -1, 1),
                "resident_after_rebuild_mib": BenchReport.round(afterRebuild?.resident ?? -1, 1),
                "store_bytes_per_aggregate": BenchReport.round(open * mib / Double(count), 0),
                "runtime_bytes_per_aggregate": BenchReport.round((rebuilt - open) * mib / Double(count), 0),
                "total_bytes_per_aggregate": BenchReport.round(rebuilt * mib / Double(count), 0),
                "target": "reported",
            ]
        )
        await store.close()
    }
}
