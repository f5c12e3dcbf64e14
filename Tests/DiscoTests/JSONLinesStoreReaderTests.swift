import Disco
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Read-only JSON-lines store")
struct JSONLinesStoreReaderTests {
    private static let stream = StreamID(aggregate: "Wallet", id: UUID())

    private static func event(_ type: String, command: UUID = UUID()) -> ProposedEvent {
        ProposedEvent(eventType: type, commandID: command, correlationID: command, payload: ["amount": 1])
    }

    @Test("a reader sees only complete commands; a line being written appears once it is whole")
    func partialLineIsNotShown() async throws {
        let folder = try TemporaryFolder()
        let store = try await JSONLinesEventStore.open(directory: folder.url, durability: .none)
        let command = UUID()
        _ = try await store.append(
            [Self.event("a", command: command), Self.event("b", command: command)],
            to: Self.stream,
            expectedVersion: .noStream
        )
        _ = try await store.append([Self.event("c")], to: Self.stream, expectedVersion: .any)
        await store.close()
        let path = folder.url.appendingPathComponent(JSONLinesEventStore.eventsFileName)
        let bytes = try Data(contentsOf: path)
        // Keep the first command whole, and the second command's line cut in the middle.
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let firstCommand = Data(lines[0] + [0x0A] + lines[1] + [0x0A])
        let third = Data(lines[2] + [0x0A])
        try (firstCommand + third.prefix(40)).write(to: path)

        let reader = try JSONLinesStoreReader.open(directory: folder.url)
        #expect(reader.indexSource == .scan)
        #expect(try await reader.headPosition() == 2)
        #expect(reader.pendingByteCount == 40)
        #expect(try await reader.readAll(after: 0, limit: 10).map(\.eventType) == ["a", "b"])

        let handle = try FileHandle(forWritingTo: path)
        try handle.seekToEnd()
        try handle.write(contentsOf: third.dropFirst(40))
        try handle.close()
        #expect(try await reader.readAll(after: 2, limit: 10).map(\.eventType) == ["c"])
        #expect(reader.pendingByteCount == 0)
        #expect(try await reader.read(stream: Self.stream, after: 1).map(\.eventType) == ["b", "c"])
        #expect(try await reader.streams().map(\.version) == [3])
        #expect(try await reader.commands(after: 0).map(\.commandID).prefix(2) == [command, command])
    }

    @Test("a reader of a cleanly closed store uses the saved index and leaves it in place")
    func checkpointIsKept() async throws {
        let folder = try TemporaryFolder()
        let store = try await JSONLinesEventStore.open(directory: folder.url, durability: .none)
        _ = try await store.append([Self.event("a")], to: Self.stream, expectedVersion: .noStream)
        await store.close()
        let reader = try JSONLinesStoreReader.open(directory: folder.url)
        #expect(reader.indexSource == .checkpoint)
        #expect(try await reader.headPosition() == 1)
        #expect(reader.writerProcess == nil)
        let reopened = try await JSONLinesEventStore.open(directory: folder.url, durability: .none)
        #expect(reopened.indexSource == .checkpoint)
        await reopened.close()
    }

    @Test("opening a missing folder, or a folder that is not a store, says so")
    func notAStore() throws {
        let folder = try TemporaryFolder()
        #expect(throws: EventStoreError.self) {
            try JSONLinesStoreReader.open(directory: folder.url.appendingPathComponent("missing"))
        }
        do {
            _ = try JSONLinesStoreReader.open(directory: folder.url)
            Issue.record("opened a folder without events.jsonl")
        } catch {
            #expect(error.message.contains("is not an event store"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("lock").path))
    }

    @Test("read-only against a live writer process: consistent prefixes, the writer undisturbed")
    func liveWriter() async throws {
        let folder = try TemporaryFolder()
        let directory = folder.url.appendingPathComponent("store")
        // A reader before the writer starts must not keep it from opening.
        let empty = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        await empty.close()
        let early = try JSONLinesStoreReader.open(directory: directory)

        let process = Process()
        process.executableURL = CrashWriter.url
        process.arguments = [directory.path, "6"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }

        var seen: [RecordedEvent] = []
        var looks = 0
        var sawWriter = false
        let deadline = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < deadline, seen.count < 3_000 || looks < 20 {
            looks += 1
            let reader = looks % 2 == 0 ? early : try JSONLinesStoreReader.open(directory: directory)
            if reader.writerProcess == process.processIdentifier { sawWriter = true }
            let from = reader === early ? Int64(seen.count) : 0
            let events = try await reader.readAll(after: from, limit: Int.max)
            if reader === early { seen += events } else { try Self.checkWhole(events, look: looks) }
            try Self.checkWhole(seen, look: looks)
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let acknowledged = output.split(separator: "\n").dropLast().filter { $0.hasPrefix("ack ") }
        #expect(sawWriter, "the reader never saw the writer's lock")
        #expect(acknowledged.count > 10, "the writer acknowledged only \(acknowledged.count) commands")
        #expect(!seen.isEmpty, "the early reader never followed the writer")

        // Every acknowledged command is visible to a reader; a writer then repairs the tail,
        // and the reader that followed along carries on.
        let final = try JSONLinesStoreReader.open(directory: directory)
        let head = try await final.headPosition()
        for line in acknowledged {
            let fields = line.split(separator: " ")
            let last = (Int64(fields[3]) ?? 0) + (Int64(fields[4]) ?? 0) - 1
            #expect(last <= head, "acknowledged position \(last) is past the reader's head \(head)")
        }
        let reopened = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        #expect(try await reopened.headPosition() == head)
        await reopened.close()
        #expect(try await early.headPosition() == head)
        try Self.checkWhole(try await early.readAll(after: 0, limit: Int.max), look: looks + 1)
    }

    /// Positions gapless from 1, and every command whole (its payload says its event count).
    private static func checkWhole(_ events: [RecordedEvent], look: Int) throws {
        for (offset, event) in events.enumerated() where event.position != Int64(offset + 1) {
            Issue.record("look \(look): position \(event.position) at place \(offset + 1)")
            return
        }
        var index = 0
        while index < events.count {
            let count = events[index].payload["events_in_command"]?.intValue ?? 1
            let command = events[index].commandID
            let run = events[index...].prefix { $0.commandID == command }.count
            #expect(run == count, "look \(look): command \(command) shows \(run) of its \(count) events")
            index += max(run, 1)
        }
    }
}

/// The `disco-crash-writer` executable built beside the test bundle.
enum CrashWriter {
    static var url: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while folder.pathComponents.count > 1,
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("disco-crash-writer").path)
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("disco-crash-writer")
    }
}
