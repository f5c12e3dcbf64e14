import Disco
import DiscoExamples
import Foundation

/// The orchestrator's own figures, on the in-memory store so that the disk does not count:
/// concurrent dispatch throughput and latency for 1, 8 and 64 callers, and a query's
/// latency over 100,000 aggregates, scanning and indexed.
///
/// `swift run -c release disco-bench --phase orchestrator [--commands N]`
enum OrchestratorBench {
    static func run(commandsPerCaller: Int) async throws {
        for callers in [1, 8, 64] {
            try await dispatch(callers: callers, commandsPerCaller: max(commandsPerCaller, 1), wallets: 1_000)
        }
        try await queries(wallets: 100_000, users: 1_000)
    }

    /// `callers` tasks each dispatch deposits to wallets spread over `wallets` aggregates.
    static func dispatch(callers: Int, commandsPerCaller: Int, wallets count: Int) async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        var wallets: [Value] = []
        for _ in 0..<count {
            let state = try await orchestrator.dispatch("create_wallet", ["user_id": .string(UUID().uuidString)])
            wallets.append(.string(state.id.uuidString))
        }
        let ids = wallets
        let (latencies, elapsed) = try await BenchReport.time {
            try await withThrowingTaskGroup(of: [Double].self) { group in
                for caller in 0..<callers {
                    group.addTask {
                        var latencies: [Double] = []
                        latencies.reserveCapacity(commandsPerCaller)
                        for step in 0..<commandsPerCaller {
                            let id = ids[(caller * 7_919 + step * 31) % ids.count]
                            let start = ContinuousClock.now
                            try await orchestrator.dispatch("deposit", ["id": id, "amount": 1])
                            latencies.append(OrchestratorBench.seconds(ContinuousClock.now - start))
                        }
                        return latencies
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        let sorted = latencies.sorted()
        BenchReport.emit("orchestrator_dispatch", [
            "callers": .int(callers), "commands": .int(sorted.count), "aggregates": .int(count), "store": "in-memory",
            "commands_per_s": BenchReport.round(Double(sorted.count) / elapsed, 0),
            "p50_us": BenchReport.round(percentile(sorted, 0.50) * 1e6, 1),
            "p99_us": BenchReport.round(percentile(sorted, 0.99) * 1e6, 1),
        ])
    }

    /// `list_wallets` (100 matches) and `get_wallet` (one) over `wallets` aggregates, with
    /// the generated queries (scan) and with index hints.
    static func queries(wallets count: Int, users: Int) async throws {
        let store = InMemoryEventStore()
        let userIDs = (0..<users).map { _ in UUID() }
        var walletIDs: [UUID] = []
        do {
            let writer = try await Orchestrator.start([Wallet.self], store: store)
            for number in 0..<count {
                let user = userIDs[number % users]
                walletIDs.append(try await writer.dispatch("create_wallet", ["user_id": .string(user.uuidString)]).id)
            }
        }
        let scanning = try await Orchestrator.start([Wallet.self], store: store)
        let indexed = try await Orchestrator.start([IndexedWallet.self], store: store)
        for (name, orchestrator) in [("scan", scanning), ("index", indexed)] {
            for (query, params) in [
                ("list_wallets", { (step: Int) -> Params in ["user_id": .string(userIDs[step % users].uuidString)] }),
                ("get_wallet", { (step: Int) -> Params in ["id": .string(walletIDs[(step * 7_919) % count].uuidString)] }),
            ] {
                let runs = name == "scan" ? 50 : 2_000
                var latencies: [Double] = []
                for step in 0..<runs {
                    let start = ContinuousClock.now
                    let result = try await orchestrator.query(query, params(step))
                    latencies.append(OrchestratorBench.seconds(ContinuousClock.now - start))
                    precondition(!result.states.isEmpty, "\(query) found nothing")
                }
                let sorted = latencies.sorted()
                BenchReport.emit("orchestrator_query", [
                    "query": .string(query), "mode": .string(name), "aggregates": .int(count), "runs": .int(runs),
                    "p50_us": BenchReport.round(percentile(sorted, 0.50) * 1e6, 1),
                    "p99_us": BenchReport.round(percentile(sorted, 0.99) * 1e6, 1),
                ])
            }
        }
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
