// disco-bench: the figures of design.md's "Targets", each against a baseline measured in
// the same run. Run with `swift run -c release disco-bench [--events N] [--commands N]
// [--callers-commands N] [--dir PATH] [--phase orchestrator|snapshots|rebuild [--index scan|checkpoint]]`;
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
    var durability = "fsync"
    var snapshots = false
    var api = "typed"
    var store = "memory"

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
            case "--durability": durability = iterator.next() ?? durability
            case "--snapshots": snapshots = true
            case "--api": api = iterator.next() ?? api
            case "--store": store = iterator.next() ?? store
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

// MARK: Baseline: append and fsync one line at a time

/// Lines per second of a loop that appends one line of `size` bytes and fdatasyncs it.
func plainFsyncLoop(lineSize: Int, count: Int, in folder: URL) throws -> Double {
    let path = folder.appendingPathComponent("plain-loop.jsonl").path
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw EventStoreError(.io, "cannot open \(path)") }
    defer { close(descriptor) }
    var line = [UInt8](repeating: UInt8(ascii: "x"), count: max(lineSize, 2))
    line[line.count - 1] = 0x0A
    let start = ContinuousClock.now
    for _ in 0..<count {
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fdatasync(descriptor)
    }
    let elapsed = ContinuousClock.now - start
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

func fileSize(_ url: URL) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
}

// MARK: Durable dispatch

func durableDispatch() async throws {
    let folder = root.appendingPathComponent("dispatch-1")
    let store = try await JSONLinesEventStore.open(
        directory: folder,
        durability: options.durability == "none" ? .none : .fsync
    )
    let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
    let wallet = try await orchestrator.dispatch(
        "create_wallet",
        ["user_id": .string(UUID().uuidString), "balance": 100.0]
    )
    let walletID = Value.string(wallet.id.uuidString)
    let before = fileSize(folder.appendingPathComponent("events.jsonl"))
    let (_, seconds) = try await BenchReport.time {
        for _ in 0..<options.commands {
            try await orchestrator.dispatch("deposit", ["id": walletID, "amount": 1.5])
        }
    }
    await store.close()
    let lineSize = (fileSize(folder.appendingPathComponent("events.jsonl")) - before) / max(options.commands, 1)
    let dispatchRate = Double(options.commands) / seconds
    let baseline = try plainFsyncLoop(lineSize: lineSize, count: options.commands, in: root)
    BenchReport.emit(
        "durable_dispatch_1_caller",
        [
            "commands": .int(options.commands), "commands_per_s": BenchReport.round(dispatchRate, 1),
            "baseline": "plain append+fdatasync loop, one line per iteration", "line_bytes": .int(lineSize),
            "baseline_per_s": BenchReport.round(baseline, 1), "ratio": BenchReport.round(dispatchRate / baseline),
            "target": ">= 0.9", "met": .bool(dispatchRate / baseline >= 0.9),
        ]
    )

    // 64 callers over 1,000 aggregates.
    let many = root.appendingPathComponent("dispatch-64")
    let manyStore = try await JSONLinesEventStore.open(directory: many)
    let manyOrchestrator = try await Orchestrator.start([Wallet.self], store: manyStore)
    let wallets = try await withThrowingTaskGroup(of: [UUID].self) { group in
        for caller in 0..<64 {
            group.addTask {
                var ids: [UUID] = []
                for _ in stride(from: caller, to: 1000, by: 64) {
                    ids.append(
                        try await manyOrchestrator.dispatch(
                            "create_wallet",
                            ["user_id": .string(UUID().uuidString), "balance": 10.0]
                        ).id
                    )
                }
                return ids
            }
        }
        return try await group.reduce(into: [UUID]()) { $0 += $1 }
    }
    let callers = 64
    let (_, manySeconds) = try await BenchReport.time {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    for _ in 0..<options.callerCommands {
                        let id = wallets[Int(generator.next() % UInt64(wallets.count))]
                        _ = caller
                        try await manyOrchestrator.dispatch("deposit", ["id": .string(id.uuidString), "amount": 2.0])
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    await manyStore.close()
    let total = callers * options.callerCommands
    let manyRate = Double(total) / manySeconds
    BenchReport.emit(
        "durable_dispatch_64_callers_1000_aggregates",
        [
            "commands": .int(total), "commands_per_s": BenchReport.round(manyRate, 1),
            "baseline": "plain append+fdatasync loop, one line per iteration",
            "baseline_per_s": BenchReport.round(baseline, 1),
            "ratio": BenchReport.round(manyRate / baseline), "target": ">= 20", "met": .bool(manyRate / baseline >= 20),
        ]
    )
}

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
                "target": ">= 300000 events/s", "met": .bool(rate >= 300_000),
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
            "target": ">= 300000 events/s and >= 1x JSONDecoder",
            "baseline": .string("Foundation JSONDecoder decoding the same lines (first \(decodedCount))"),
            "baseline_events_per_s": BenchReport.round(foundationRate, 0),
            "ratio": BenchReport.round(rate / foundationRate),
            "met": .bool(rate >= 300_000 && rate >= foundationRate),
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
        if options.phase == "dispatch" {
            try await durableDispatch()
            exit(0)
        }
        if options.phase == "snapshots" {
            try await SnapshotBench.run(
                in: root.appendingPathComponent("snapshots"),
                events: min(options.events, 100_000)
            )
            exit(0)
        }
        if options.phase == "rebuild" {
            try await rebuildPhase(root.appendingPathComponent("rebuild"))
            exit(0)
        }
        defer { if options.directory == nil { try? FileManager.default.removeItem(at: root) } }
        try await durableDispatch()

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
