import Disco
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Kills a writing process at random instants and checks the store it leaves.
///
/// 20 trials by default; set `DISCO_CRASH_TRIALS` for more (`DISCO_CRASH_TRIALS=500`).
@Suite("Crash safety of the JSON-lines store")
struct CrashTests {
    private struct Acknowledgement {
        var commandID: UUID
        var firstPosition: Int64
        var count: Int
    }

    /// The `disco-crash-writer` executable built beside the test bundle.
    private static var writerURL: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // On macOS the test bundle is a folder: …/debug/X.xctest/Contents/MacOS/X.
        while folder.pathComponents.count > 1, !FileManager.default.fileExists(atPath: folder.appendingPathComponent("disco-crash-writer").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("disco-crash-writer")
    }

    @Test("kill -9 at random instants: every acknowledged command is there, none is half recorded")
    func killAtRandomInstants() async throws {
        let trials = ProcessInfo.processInfo.environment["DISCO_CRASH_TRIALS"].flatMap(Int.init) ?? 20
        let folder = try TemporaryFolder()
        let directory = folder.url.appendingPathComponent("store")
        var acknowledged: [UUID: Acknowledgement] = [:]
        var tornTails = 0
        var generator = SystemRandomNumberGenerator()

        for trial in 1...trials {
            let process = Process()
            process.executableURL = Self.writerURL
            process.arguments = [directory.path, "\(1 + trial % 8)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            // Let it start, then kill it somewhere in its work.
            let delay = UInt32.random(in: 30_000...250_000, using: &generator)
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationReason == .uncaughtSignal, "trial \(trial): the writer exited by itself: \(output.suffix(300))")
            // Only whole lines count: a line cut by the kill was not fully printed.
            for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                let fields = line.split(separator: " ")
                if fields.first == "ready", fields.count == 3, let cut = Int(fields[2]), cut > 0 { tornTails += 1 }
                guard fields.first == "ack", fields.count == 5, let id = UUID(uuidString: String(fields[1])),
                    let position = Int64(fields[3]), let count = Int(fields[4])
                else { continue }
                acknowledged[id] = Acknowledgement(commandID: id, firstPosition: position, count: count)
            }

            // Reopening succeeds and holds everything acknowledged, whole.
            let store = try await JSONLinesEventStore.open(directory: directory, durability: .none)
            if store.recovery != nil { tornTails += 1 }
            let events = try await store.readAll(after: 0, limit: Int.max)
            await store.close()
            try check(events, acknowledged: acknowledged, trial: trial)
            let verification = try await JSONLinesEventStore.verify(directory: directory)
            #expect(verification.isClean, "trial \(trial): the store is not clean after reopening: \(verification)")
        }
        print("crash test: \(trials) trials, \(acknowledged.count) acknowledged commands, \(tornTails) torn tails recovered")
    }

    private func check(_ events: [RecordedEvent], acknowledged: [UUID: Acknowledgement], trial: Int) throws {
        #expect(events.enumerated().allSatisfy { $0.element.position == Int64($0.offset + 1) }, "trial \(trial): positions are not gapless")
        var versions: [StreamID: Int] = [:]
        var commands: [UUID: [RecordedEvent]] = [:]
        for event in events {
            let expected = versions[event.stream, default: 0] + 1
            #expect(event.version == expected, "trial \(trial): \(event.stream) jumps to version \(event.version)")
            versions[event.stream] = event.version
            commands[event.commandID, default: []].append(event)
        }
        for (id, recorded) in commands {
            let count = recorded.first?.payload["events_in_command"]?.intValue ?? -1
            #expect(recorded.count == count, "trial \(trial): command \(id) is half recorded: \(recorded.count) of \(count)")
            let positions = recorded.map(\.position)
            #expect(positions == Array(positions[0]..<(positions[0] + Int64(positions.count))), "trial \(trial): command \(id) is not contiguous")
        }
        for (id, ack) in acknowledged {
            let recorded = try #require(commands[id], "trial \(trial): acknowledged command \(id) at position \(ack.firstPosition) is lost")
            #expect(recorded.first?.position == ack.firstPosition && recorded.count == ack.count, "trial \(trial): command \(id) differs from its acknowledgement")
        }
    }
}
