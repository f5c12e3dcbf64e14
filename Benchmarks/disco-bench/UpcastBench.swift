import Disco
import DiscoExamples
import Foundation

/// Rebuilding a store whose events need upcasting, beside the same store with none.
///
/// Two JSON-lines stores of BankAccount streams, two events each (`account_opened`, then
/// `funds_deposited`). In the current store `account_opened` is recorded at version 3, the
/// version the spec declares; in the old one it is recorded at version 2, so that half of
/// the events go through one upcast step (`holder: owner`) on their way to the aggregate.
/// Each rebuild runs in a child process (open after a clean close, then
/// `Orchestrator.start`), the two alternating, and the figure is the median of the pairs'
/// ratios (by wall time, and by CPU time, which a busy machine disturbs less).
enum UpcastBench {
    /// The two stores, written once under `folder`.
    enum Variant: String, CaseIterable {
        case current
        case old

        var accountOpenedVersion: Int { self == .current ? 3 : 2 }
        var holderField: String { self == .current ? "holder" : "owner" }
    }

    /// Writes both stores, rebuilds each `pairs` times, and prints the figures.
    static func run(events: Int, pairs: Int, in folder: URL) async throws {
        let streams = max(events / 2, 1)
        for variant in Variant.allCases {
            let store = folder.appendingPathComponent(variant.rawValue)
            let (_, seconds) = try await BenchReport.time { try await write(variant, streams: streams, to: store) }
            BenchReport.emit(
                "upcast_generate_store",
                [
                    "variant": .string(variant.rawValue), "events": .int(streams * 2),
                    "account_opened_version": .int(variant.accountOpenedVersion),
                    "seconds": BenchReport.round(seconds),
                ]
            )
        }
        var rates: [Variant: [Double]] = [:]
        var ratios: [Double] = []
        var cpuRatios: [Double] = []
        for pair in 0..<pairs {
            // Alternate which store goes first, so that neither always runs on a warmer cache.
            let order: [Variant] = pair.isMultiple(of: 2) ? [.current, .old] : [.old, .current]
            var runs: [Variant: Run] = [:]
            for variant in order {
                runs[variant] = try rebuildInChild(folder.appendingPathComponent(variant.rawValue))
            }
            guard let current = runs[.current], let old = runs[.old] else { continue }
            rates[.current, default: []].append(current.eventsPerSecond)
            rates[.old, default: []].append(old.eventsPerSecond)
            ratios.append(old.eventsPerSecond / current.eventsPerSecond)
            cpuRatios.append(current.cpuSeconds / old.cpuSeconds)
        }
        let sortedRatios = ratios.sorted()
        let median = sortedRatios.isEmpty ? 0 : sortedRatios[sortedRatios.count / 2]
        let sortedCPURatios = cpuRatios.sorted()
        BenchReport.emit(
            "upcast_rebuild",
            [
                "events": .int(streams * 2), "upcast_events": .int(streams), "pairs": .int(ratios.count),
                "current_events_per_s": .array((rates[.current] ?? []).map { BenchReport.round($0, 0) }),
                "upcast_events_per_s": .array((rates[.old] ?? []).map { BenchReport.round($0, 0) }),
                "ratio_median": BenchReport.round(median),
                "ratio_min": BenchReport.round(sortedRatios.first ?? 0),
                "ratio_max": BenchReport.round(sortedRatios.last ?? 0),
                "cpu_ratio_median": BenchReport.round(
                    sortedCPURatios.isEmpty ? 0 : sortedCPURatios[sortedCPURatios.count / 2]
                ),
                "cpu_ratio_min": BenchReport.round(sortedCPURatios.first ?? 0),
                "cpu_ratio_max": BenchReport.round(sortedCPURatios.last ?? 0),
                "target": ">= 0.8x the same store with no upcast", "met": .bool(median >= 0.8),
            ]
        )
    }

    /// Opens the store at `folder` and rebuilds every BankAccount; run by the child process.
    static func rebuild(_ folder: URL) async throws {
        let start = ContinuousClock.now
        let cpuStart = BenchReport.cpuSeconds()
        let store = try await JSONLinesEventStore.open(directory: folder)
        let orchestrator = try await Orchestrator.start([BankAccount.self], store: store)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpuSeconds = BenchReport.cpuSeconds() - cpuStart
        let events = try await store.headPosition()
        _ = orchestrator
        BenchReport.emit(
            "upcast_rebuild_run",
            [
                "store": .string(folder.lastPathComponent), "events": .int(Int(events)),
                "seconds": BenchReport.round(seconds), "events_per_s": BenchReport.round(Double(events) / seconds, 0),
                "cpu_s": BenchReport.round(cpuSeconds),
            ]
        )
        await store.close()
    }

    /// One rebuild's figures, as the child process printed them.
    private struct Run {
        var eventsPerSecond: Double
        var cpuSeconds: Double
    }

    /// Runs `--phase upcast-rebuild` on `folder` and returns the figures it printed.
    private static func rebuildInChild(_ folder: URL) throws -> Run {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["--phase", "upcast-rebuild", "--dir", folder.path]
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        FileHandle.standardOutput.write(bytes)
        guard child.terminationStatus == 0,
            case .object(let figures)? = try? JSON.decode(Array(bytes)),
            let rate = figures["events_per_s"].flatMap(number),
            let cpuSeconds = figures["cpu_s"].flatMap(number)
        else {
            throw BenchFailure("the rebuild of \(folder.path) failed (exit status \(child.terminationStatus))")
        }
        return Run(eventsPerSecond: rate, cpuSeconds: cpuSeconds)
    }

    private static func number(_ value: Value) -> Double? {
        switch value {
        case .double(let number): number
        case .int(let number): Double(number)
        default: nil
        }
    }

    /// Writes `streams` accounts of two events each, `account_opened` at the variant's version.
    private static func write(_ variant: Variant, streams: Int, to folder: URL) async throws {
        try? FileManager.default.removeItem(at: folder)
        let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        let writers = 64
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for _ in stride(from: writer, to: streams, by: writers) {
                        let stream = StreamID(aggregate: BankAccount.aggregateName, id: UUID())
                        let commandID = UUID()
                        let opened = ProposedEvent(
                            eventType: "account_opened",
                            schemaVersion: variant.accountOpenedVersion,
                            commandID: commandID,
                            correlationID: commandID,
                            payload: [variant.holderField: "Ada Lovelace", "overdraft_limit": 100.0, "currency": "EUR"]
                        )
                        let depositID = UUID()
                        let deposited = ProposedEvent(
                            eventType: "funds_deposited",
                            commandID: depositID,
                            correlationID: depositID,
                            payload: ["amount": 25.0]
                        )
                        _ = try await store.append([opened], to: stream, expectedVersion: .noStream)
                        _ = try await store.append([deposited], to: stream, expectedVersion: .exactly(1))
                    }
                }
            }
            try await group.waitForAll()
        }
        await store.close()
    }
}

/// A benchmark step that could not run.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
