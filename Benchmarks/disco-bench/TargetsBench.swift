import Disco
import DiscoExamples
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dispatch targets of issue 13, every one measured in one run, each printed as one
/// JSON object with its target and whether it is met:
///
/// - in-memory store, one caller: typed API <= 4 µs per command, dynamic API <= 8 µs
///   (p50 and p99 beside the mean);
/// - in-memory store, 64 callers over 1,000 aggregates: >= 200,000 commands/s;
/// - durable JSON lines, one caller: >= 0.9x a plain append+fdatasync loop, and 64 callers
///   over 1,000 aggregates: >= 15x; each as `pairs` interleaved pairs (the plain loop, then
///   the store, each for `pairCommands` lines or commands), reporting the median of the
///   pairs' ratios and their spread.
///
/// `disco-bench --phase targets [--commands N] [--pairs N] [--pair-commands N]`
enum TargetsBench {
    static func run(commands: Int, pairs: Int, pairCommands: Int, in folder: URL) async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await inMemoryOneCaller(api: "typed", commands: commands, targetMicroseconds: 4)
        try await inMemoryOneCaller(api: "dynamic", commands: commands, targetMicroseconds: 8)
        try await inMemoryManyCallers(callers: 64, aggregates: 1_000, commands: max(commands, 64) * 4)
        try await durablePairs(callers: 1, pairs: pairs, commands: pairCommands, in: folder, target: 0.9)
        try await durablePairs(callers: 64, pairs: pairs, commands: pairCommands, in: folder, target: 15)
    }

    // MARK: In memory

    /// One caller's deposits to one wallet, timed one by one after a warm-up.
    static func inMemoryOneCaller(api: String, commands: Int, targetMicroseconds: Double) async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        let client = Wallet.Client(orchestrator)
        let id = try await client.createWallet(userId: UUID(), balance: 100).id
        let dynamicID = Value.string(id.uuidString)
        let typed = api == "typed"
        var latencies: [Double] = []
        latencies.reserveCapacity(commands)
        for round in 0..<2 {
            let count = round == 0 ? min(commands, 2_000) : commands
            latencies.removeAll(keepingCapacity: true)
            for _ in 0..<count {
                let start = ContinuousClock.now
                if typed {
                    try await client.deposit(id: id, amount: 1)
                } else {
                    try await orchestrator.dispatch("deposit", ["id": dynamicID, "amount": 1])
                }
                latencies.append(seconds(ContinuousClock.now - start))
            }
        }
        let sorted = latencies.sorted()
        let mean = sorted.reduce(0, +) / Double(max(sorted.count, 1))
        BenchReport.emit(
            "in_memory_1_caller_\(api)",
            [
                "api": .string(api), "commands": .int(sorted.count), "store": "in-memory",
                "us_per_command": BenchReport.round(mean * 1e6, 2),
                "commands_per_s": BenchReport.round(1 / mean, 0),
                "p50_us": BenchReport.round(percentile(sorted, 0.50) * 1e6, 2),
                "p99_us": BenchReport.round(percentile(sorted, 0.99) * 1e6, 2),
                "target": .string("<= \(Int(targetMicroseconds)) us per command"),
                "met": .bool(mean * 1e6 <= targetMicroseconds),
            ]
        )
    }

    /// `callers` tasks sharing `commands` deposits over `aggregates` wallets.
    static func inMemoryManyCallers(callers: Int, aggregates: Int, commands: Int) async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        let client = Wallet.Client(orchestrator)
        var wallets: [UUID] = []
        for _ in 0..<aggregates { wallets.append(try await client.createWallet(userId: UUID(), balance: 10).id) }
        let (latencies, elapsed) = try await manyCallers(client, wallets: wallets, callers: callers, commands: commands)
        let sorted = latencies.sorted()
        let rate = Double(sorted.count) / elapsed
        BenchReport.emit(
            "in_memory_\(callers)_callers_\(aggregates)_aggregates",
            [
                "api": "typed", "callers": .int(callers), "aggregates": .int(aggregates),
                "commands": .int(sorted.count),
                "store": "in-memory", "commands_per_s": BenchReport.round(rate, 0),
                "p50_us": BenchReport.round(percentile(sorted, 0.50) * 1e6, 1),
                "p99_us": BenchReport.round(percentile(sorted, 0.99) * 1e6, 1),
                "target": ">= 200000 commands/s", "met": .bool(rate >= 200_000),
            ]
        )
    }

    // MARK: Durable

    /// Interleaved pairs: the plain append+fdatasync loop for `commands` lines, then the
    /// store for `commands` deposits by `callers` callers (over 1,000 wallets when there
    /// is more than one caller), on the same disk.
    static func durablePairs(callers: Int, pairs: Int, commands: Int, in folder: URL, target: Double) async throws {
        let directory = folder.appendingPathComponent("durable-\(callers)")
        try? FileManager.default.removeItem(at: directory)
        let store = try await JSONLinesEventStore.open(directory: directory, durability: .fsync)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let client = Wallet.Client(orchestrator)
        let aggregates = callers == 1 ? 1 : 1_000
        var wallets: [UUID] = []
        try await withThrowingTaskGroup(of: [UUID].self) { group in
            for caller in 0..<min(callers, aggregates) {
                group.addTask {
                    var ids: [UUID] = []
                    for _ in stride(from: caller, to: aggregates, by: callers) {
                        ids.append(try await client.createWallet(userId: UUID(), balance: 10).id)
                    }
                    return ids
                }
            }
            for try await ids in group { wallets += ids }
        }
        // The line size of one deposit, for the plain loop's lines.
        let file = directory.appendingPathComponent("events.jsonl")
        let before = fileSize(file)
        _ = try await manyCallers(client, wallets: wallets, callers: 1, commands: 100)
        let lineSize = max((fileSize(file) - before) / 100, 2)

        var ratios: [Double] = []
        var storeRates: [Double] = []
        var plainRates: [Double] = []
        var allLatencies: [Double] = []
        for _ in 0..<pairs {
            let plain = try plainLoop(lineSize: lineSize, count: commands, in: folder)
            let (latencies, elapsed) = try await manyCallers(
                client,
                wallets: wallets,
                callers: callers,
                commands: commands
            )
            let rate = Double(latencies.count) / elapsed
            plainRates.append(plain)
            storeRates.append(rate)
            ratios.append(rate / plain)
            allLatencies += latencies
        }
        await store.close()
        let sortedRatios = ratios.sorted()
        let median = percentile(sortedRatios, 0.5, median: true)
        let sorted = allLatencies.sorted()
        BenchReport.emit(
            "durable_jsonl_\(callers)_caller\(callers == 1 ? "" : "s")",
            [
                "api": "typed", "callers": .int(callers), "aggregates": .int(aggregates),
                "pairs": .int(pairs), "commands_per_pair": .int(commands), "line_bytes": .int(lineSize),
                "baseline": "plain append+fdatasync loop, one line per iteration, interleaved with the store",
                "ratio_median": BenchReport.round(median),
                "ratio_min": BenchReport.round(sortedRatios.first ?? 0),
                "ratio_max": BenchReport.round(sortedRatios.last ?? 0),
                "ratios": .array(ratios.map { BenchReport.round($0) }),
                "commands_per_s_median": BenchReport.round(percentile(storeRates.sorted(), 0.5, median: true), 0),
                "baseline_per_s_median": BenchReport.round(percentile(plainRates.sorted(), 0.5, median: true), 0),
                "p50_us": BenchReport.round(percentile(sorted, 0.50) * 1e6, 1),
                "p99_us": BenchReport.round(percentile(sorted, 0.99) * 1e6, 1),
                "target": .string(">= \(target)x the plain loop (median of the pairs)"),
                "met": .bool(median >= target),
            ]
        )
    }

    /// Lines per second of a loop that appends one line of `lineSize` bytes and fdatasyncs it.
    static func plainLoop(lineSize: Int, count: Int, in folder: URL) throws -> Double {
        let path = folder.appendingPathComponent("plain-loop.jsonl").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw EventStoreError(.io, "cannot open \(path)") }
        defer { close(descriptor) }
        var line = [UInt8](repeating: UInt8(ascii: "x"), count: lineSize)
        line[line.count - 1] = 0x0A
        let start = ContinuousClock.now
        for _ in 0..<count {
            _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            fdatasync(descriptor)
        }
        return Double(count) / seconds(ContinuousClock.now - start)
    }

    // MARK: Helpers

    /// `callers` tasks sharing `commands` typed deposits over `wallets`; each command's
    /// latency, and the seconds they all took.
    static func manyCallers(
        _ client: Wallet.Client,
        wallets: [UUID],
        callers: Int,
        commands: Int
    ) async throws -> ([Double], Double) {
        let perCaller = max(commands / callers, 1)
        return try await BenchReport.time {
            try await withThrowingTaskGroup(of: [Double].self) { group in
                for caller in 0..<callers {
                    group.addTask {
                        var latencies: [Double] = []
                        latencies.reserveCapacity(perCaller)
                        for step in 0..<perCaller {
                            let id = wallets[(caller * 7_919 + step * 31) % wallets.count]
                            let start = ContinuousClock.now
                            try await client.deposit(id: id, amount: 1)
                            latencies.append(seconds(ContinuousClock.now - start))
                        }
                        return latencies
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
    }

    static func percentile(_ sorted: [Double], _ fraction: Double, median: Bool = false) -> Double {
        guard !sorted.isEmpty else { return 0 }
        if median, sorted.count % 2 == 0 {
            return (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
    }

    /// The size of a file in bytes, 0 when it cannot be read.
    static func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
