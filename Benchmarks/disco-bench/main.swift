// disco-bench: the figures of design.md's "Targets", each against a baseline measured in
// the same run. Run with `swift run -c release disco-bench [--events N] [--commands N]
// [--callers-commands N] [--dir PATH] [--pairs N] [--pair-commands N]
// [--phase targets|orchestrator|cost|memory [--wallets N]|snapshots|rebuild [--index scan|checkpoint]|tool|upcast]`;
// `--phase upcast` rebuilds `--events` events of which half need an upcast step, beside the same store with none;
// `--phase tool` times the `disco` executable built beside it on a store of `--events` events;
// it prints one JSON object per measurement.

import Disco
import DiscoExamples
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    var events = 1_000_000
    var commands = 300
    var callerCommands = 100
    var directory: URL?
    var phase: String?
    var index = "scan"
    var snapshots = false
    var api = "typed"
    var store = "memory"
    var pairs = 5
    var wallets = 1_000_000
    var pairCommands = 2_000

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--events": events = iterator.next().flatMap(Int.init) ?? events
            case "--commands": commands = iterator.next().flatMap(Int.init) ?? commands
            case "--callers-commands": callerCommands = iterator.next().flatMap(Int.init) ?? callerCommands
            case "--dir": directory = iterator.next().map { URL(fileURLWithPath: $0) }
            case "--phase": phase = iterator.next()
            case "--index": index = iterator.next() ?? index
            case "--snapshots": snapshots = true
            case "--api": api = iterator.next() ?? api
            case "--store": store = iterator.next() ?? store
            case "--wallets": wallets = iterator.next().flatMap(Int.init) ?? wallets
            case "--pairs": pairs = iterator.next().flatMap(Int.init) ?? pairs
            case "--pair-commands": pairCommands = iterator.next().flatMap(Int.init) ?? pairCommands
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let root =
    options.directory
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("disco-bench-\(UUID().uuidString)")

// MARK: Open and rebuild

/// Writes a Wallet store of `count` events: 1,000 wallets, deposits in commands of 10 events.
func generateStore(_ folder: URL, events count: Int) async throws {
    try? FileManager.default.removeItem(at: folder)
    let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
    let wallets = (0..<1000).map { _ in StreamID(aggregate: Wallet.aggregateName, id: UUID()) }
    let perWallet = max(count / wallets.count, 1)
    try await withThrowingTaskGroup(of: Void.self) { group in
        for (index, wallet) in wallets.enumerated() where index * perWallet < count {
            group.addTask {
                var written = 0
                while written < perWallet {
                    let commandID = UUID()
                    let size = written == 0 ? 1 : min(10, perWallet - written)
                    let events = (0..<size).map { _ in
                        written == 0
                            ? ProposedEvent(
                                eventType: "wallet_created",
                                commandID: commandID,
                                correlationID: commandID,
                                payload: ["user_id": .string(UUID().uuidString.lowercased()), "balance": 100.0]
                            )
                            : ProposedEvent(
                                eventType: "money_deposited",
                                commandID: commandID,
                                correlationID: commandID,
                                causationID: commandID,
                                payload: ["amount": 2.5]
                            )
                    }
                    _ = try await store.append(events, to: wallet, expectedVersion: .any)
                    written += size
                }
            }
            if index % 64 == 63 { try await group.next() }
        }
        try await group.waitForAll()
    }
    await store.close()
}

/// Runs in a child process so that its peak memory is that of opening and rebuilding only.
/// `--index scan` removes the index checkpoint first, so that opening reads every line (as
/// after a crash); `--index checkpoint` opens after a clean close.
func rebuildPhase(_ folder: URL) async throws {
    if options.index == "scan" {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("index.checkpoint"))
    }
    let cpuStart = BenchReport.cpuSeconds()
    let (store, openSeconds) = try await BenchReport.time { try await JSONLinesEventStore.open(directory: folder) }
    let afterOpen = BenchReport.memory()
    let orchestratorOptions =
        options.snapshots ? OrchestratorOptions(snapshots: store.snapshots) : OrchestratorOptions()
    let (orchestrator, rebuildSeconds) = try await BenchReport.time {
        try await Orchestrator.start([Wallet.self], store: store, options: orchestratorOptions)
    }
    let cpuUsed = BenchReport.cpuSeconds() - cpuStart
    let events = try await store.headPosition()
    let afterRebuild = BenchReport.memory()
    let rate = Double(events) / (openSeconds + rebuildSeconds)
    _ = orchestrator
    let indexSource = store.indexSource == .checkpoint ? "checkpoint" : "scan"
    guard options.index != "checkpoint" else {
        BenchReport.emit(
            "open_and_rebuild",
            [
                "events": .int(Int(events)), "index": .string(indexSource), "snapshots": .bool(options.snapshots),
                "open_s": BenchReport.round(openSeconds), "rebuild_s": BenchReport.round(rebuildSeconds),
                "events_per_s": BenchReport.round(rate, 0),
                "cpu_s": BenchReport.round(cpuUsed), "events_per_cpu_s": BenchReport.round(Double(events) / cpuUsed, 0),
                "target": ">= 800000 events/s", "met": .bool(rate >= 800_000),
            ]
        )
        await store.close()
        return
    }

    // Decoding the same lines: the store's decoder (through readAll) and Foundation's JSONDecoder.
    let sample = Int(min(events, 100_000))
    let (_, ownSeconds) = try await BenchReport.time {
        var position: Int64 = 0
        while position < Int64(sample) {
            let page = try await store.readAll(after: position, limit: min(4096, sample - Int(position)))
            guard let last = page.last else { break }
            position = last.position
        }
    }
    let file = try Data(contentsOf: folder.appendingPathComponent("events.jsonl"))
    let lines = file.split(separator: 0x0A, maxSplits: sample, omittingEmptySubsequences: true).prefix(sample)
    let decoder = FoundationEnvelope.makeDecoder()
    let (decodedCount, foundationSeconds) = try await BenchReport.time { () async throws -> Int in
        var decoded = 0
        for line in lines {
            _ = try decoder.decode(FoundationEnvelope.self, from: Data(line))
            decoded += 1
        }
        return decoded
    }
    let foundationRate = Double(decodedCount) / foundationSeconds
    let ownRate = Double(sample) / ownSeconds
    BenchReport.emit(
        "open_and_rebuild",
        [
            "events": .int(Int(events)), "index": .string(indexSource), "open_s": BenchReport.round(openSeconds),
            "rebuild_s": BenchReport.round(rebuildSeconds),
            "events_per_s": BenchReport.round(rate, 0), "cpu_s": BenchReport.round(cpuUsed),
            "events_per_cpu_s": BenchReport.round(Double(events) / cpuUsed, 0),
            "target": ">= 500000 events/s and >= 1x JSONDecoder",
            "baseline": .string("Foundation JSONDecoder decoding the same lines (first \(decodedCount))"),
            "baseline_events_per_s": BenchReport.round(foundationRate, 0),
            "ratio": BenchReport.round(rate / foundationRate),
            "met": .bool(rate >= 500_000 && rate >= foundationRate),
        ]
    )
    BenchReport.emit(
        "decode_lines",
        [
            "events": .int(sample), "store_decoder_events_per_s": BenchReport.round(ownRate, 0),
            "json_decoder_events_per_s": BenchReport.round(foundationRate, 0),
            "ratio": BenchReport.round(ownRate / foundationRate),
        ]
    )
    BenchReport.emit(
        "memory_with_store_open",
        [
            "events": .int(Int(events)),
            "resident_after_open_mib": BenchReport.round(afterOpen?.resident ?? -1, 1),
            "resident_after_rebuild_mib": BenchReport.round(afterRebuild?.resident ?? -1, 1),
            "peak_mib": BenchReport.round(afterRebuild?.peak ?? -1, 1),
            "file_mib": BenchReport.round(Double(file.count) / 1_048_576, 1),
            "target": "<= 256 MiB resident", "met": .bool((afterRebuild?.resident ?? .infinity) <= 256),
        ]
    )
    await store.close()
}

/// The dispatch targets (in memory and durable), every ratio in one run.
func runTargets() async throws {
    try await TargetsBench.run(
        commands: max(options.commands, 20_000),
        pairs: max(options.pairs, 1),
        pairCommands: max(options.pairCommands, 1),
        in: root.appendingPathComponent("targets")
    )
}

/// Every phase; runs on a detached task so that the main thread waits on a semaphore
/// instead of in `dispatch_main`, which valgrind cannot follow.
func runPhases() async {
    do {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if options.phase == "orchestrator" {
            try await OrchestratorBench.run(commandsPerCaller: options.callerCommands * 20)
            exit(0)
        }
        if options.phase == "cost" {
            try await CostBench.run(
                api: options.api,
                store: options.store,
                commands: options.commands,
                in: root.appendingPathComponent("cost")
            )
            try? FileManager.default.removeItem(at: root)
            exit(0)
        }
        if options.phase == "targets" || options.phase == "dispatch" {
            try await runTargets()
            exit(0)
        }
        if options.phase == "memory" {
            try await MemoryBench.write(wallets: options.wallets, in: root.appendingPathComponent("memory"))
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--phase", "memory-open", "--wallets", String(options.wallets), "--dir", root.path]
            try child.run()
            child.waitUntilExit()
            if options.directory == nil { try? FileManager.default.removeItem(at: root) }
            exit(0)
        }
        if options.phase == "memory-open" {
            try await MemoryBench.measure(wallets: options.wallets, in: root.appendingPathComponent("memory"))
            exit(0)
        }
        if options.phase == "snapshots" {
            try await SnapshotBench.run(
                in: root.appendingPathComponent("snapshots"),
                events: min(options.events, 100_000)
            )
            exit(0)
        }
        if options.phase == "tool" {
            let folder = root.appendingPathComponent("tool")
            if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.checkpoint").path) {
                try await generateStore(folder, events: options.events)
            }
            let events = Int(try await JSONLinesStoreReader.open(directory: folder).headPosition())
            try ToolBench.run(store: folder, events: events)
            if options.directory == nil { try? FileManager.default.removeItem(at: root) }
            exit(0)
        }
        if options.phase == "upcast" {
            try await UpcastBench.run(
                events: options.events,
                pairs: max(options.pairs, 1),
                in: root.appendingPathComponent("upcast")
            )
            if options.directory == nil { try? FileManager.default.removeItem(at: root) }
            exit(0)
        }
        if options.phase == "upcast-rebuild" {
            try await UpcastBench.rebuild(root)
            exit(0)
        }
        if options.phase == "rebuild" {
            try await rebuildPhase(root.appendingPathComponent("rebuild"))
            exit(0)
        }
        defer { if options.directory == nil { try? FileManager.default.removeItem(at: root) } }
        try await runTargets()

        let (_, generateSeconds) = try await BenchReport.time {
            try await generateStore(root.appendingPathComponent("rebuild"), events: options.events)
        }
        BenchReport.emit(
            "generate_store",
            [
                "events": .int(options.events), "seconds": BenchReport.round(generateSeconds),
                "events_per_s": BenchReport.round(Double(options.events) / generateSeconds, 0), "durability": "none",
            ]
        )
        for index in ["scan", "checkpoint"] {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--phase", "rebuild", "--index", index, "--dir", root.path]
            try child.run()
            child.waitUntilExit()
        }
        try await SnapshotBench.run(in: root.appendingPathComponent("snapshots"), events: min(options.events, 100_000))
    } catch {
        FileHandle.standardError.write(Data("disco-bench: \(error)\n".utf8))
        exit(1)
    }
}

let finished = DispatchSemaphore(value: 0)
Task.detached {
    await runPhases()
    finished.signal()
}
finished.wait()
