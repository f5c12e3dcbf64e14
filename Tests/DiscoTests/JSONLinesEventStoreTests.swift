import Disco
import DiscoTesting
import Foundation
import Testing

@Suite("JSON-lines event store")
struct JSONLinesEventStoreTests {
    private func events(_ count: Int) -> [ProposedEvent] {
        EventStoreConformance.command(count, payload: ["text": "zero \u{0} and 🎉", "amount": 12.5])
    }

    /// A store folder with `commands` commands of `eventsEach` events on a few streams.
    private func makeStore(in folder: TemporaryFolder, commands: Int, eventsEach: Int = 2) async throws -> (URL, [RecordedEvent]) {
        let directory = folder.url.appendingPathComponent("store")
        let store = try await JSONLinesEventStore.open(directory: directory)
        var recorded: [RecordedEvent] = []
        let streams = (0..<3).map { _ in EventStoreConformance.stream() }
        for index in 0..<commands {
            recorded += try await store.append(events(eventsEach), to: streams[index % 3], expectedVersion: .any)
        }
        await store.close()
        return (directory, recorded)
    }

    private func eventsFile(_ directory: URL) -> URL {
        directory.appendingPathComponent(JSONLinesEventStore.eventsFileName)
    }

    private func appendBytes(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test("reopening gives back identical events")
    func reopenIdentical() async throws {
        let folder = try TemporaryFolder()
        let (directory, recorded) = try await makeStore(in: folder, commands: 10)
        let store = try await JSONLinesEventStore.open(directory: directory)
        #expect(store.recovery == nil)
        #expect(try await store.readAll(after: 0, limit: 1000) == recorded)
        #expect(try await store.headPosition() == 20)
        let stream = try #require(recorded.first?.stream)
        #expect(try await store.read(stream: stream) == recorded.filter { $0.stream == stream })
        // Appends continue the positions and versions.
        let next = try await store.append(events(1), to: stream, expectedVersion: .exactly(8))
        #expect(next.map(\.position) == [21] && next.map(\.version) == [9])
        await store.close()
    }

    @Test("each line is one event with snake_case envelope keys and the format version")
    func lineFormat() async throws {
        let folder = try TemporaryFolder()
        let (directory, _) = try await makeStore(in: folder, commands: 1)
        let text = try String(contentsOf: eventsFile(directory), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSON.decodeObject(Array(lines[0].utf8))
        #expect(first.keys == [
            "format", "position", "stream", "version", "recorded_at", "event_type", "schema_version", "event_id",
            "command_id", "command_event_index", "command_event_count", "correlation_id", "causation_id", "payload", "metadata",
        ])
        #expect(first["format"] == 1)
        #expect(first["command_event_index"] == 0)
        #expect(first["command_event_count"] == 2)
    }

    @Test("a partial last line is cut, saved and reported")
    func tornPartialLine() async throws {
        let folder = try TemporaryFolder()
        let (directory, recorded) = try await makeStore(in: folder, commands: 3)
        let size = try FileManager.default.attributesOfItem(atPath: eventsFile(directory).path)[.size] as? Int
        try appendBytes(#"{"format":1,"position":7,"stream":{"aggr"#, to: eventsFile(directory))

        let verification = try await JSONLinesEventStore.verify(directory: directory)
        #expect(verification.eventCount == 6)
        #expect(verification.tornTail?.lineNumber == 7)

        let store = try await JSONLinesEventStore.open(directory: directory)
        let recovery = try #require(store.recovery)
        #expect(recovery.lineNumber == 7)
        #expect(recovery.endsWithPartialLine)
        #expect(recovery.completeLineCount == 0)
        #expect(recovery.offset == Int64(size ?? -1))
        let saved = try #require(recovery.savedTo)
        #expect(try String(contentsOf: saved, encoding: .utf8).hasPrefix(#"{"format":1,"position":7"#))
        #expect(try await store.readAll(after: 0, limit: 100) == recorded)
        let next = try await store.append(events(1), to: EventStoreConformance.stream(), expectedVersion: .noStream)
        #expect(next.first?.position == 7)
        await store.close()
        #expect(try await JSONLinesEventStore.verify(directory: directory).isClean)
    }

    @Test("complete lines of an unfinished command are cut as a torn tail")
    func tornIncompleteCommand() async throws {
        let folder = try TemporaryFolder()
        let (directory, recorded) = try await makeStore(in: folder, commands: 2, eventsEach: 3)
        // Keep the first line of the last command and half of its second.
        let url = eventsFile(directory)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()  // the empty string after the last newline
        let kept = lines[0..<4].joined(separator: "\n") + "\n" + lines[4].prefix(30)
        try Data(kept.utf8).write(to: url)

        let store = try await JSONLinesEventStore.open(directory: directory)
        let recovery = try #require(store.recovery)
        #expect(recovery.lineNumber == 4)
        #expect(recovery.completeLineCount == 1)
        #expect(recovery.endsWithPartialLine)
        #expect(recovery.commandID == recorded[3].commandID)
        #expect(try await store.readAll(after: 0, limit: 100) == Array(recorded[0..<3]))
        await store.close()
    }

    @Test("a corrupted line in the middle stops the open, names the line, and changes nothing")
    func corruptionInTheMiddle() async throws {
        let folder = try TemporaryFolder()
        let (directory, _) = try await makeStore(in: folder, commands: 3)
        let url = eventsFile(directory)
        var bytes = try Data(contentsOf: url)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        bytes[lineStarts[2] + 5] = UInt8(ascii: "#")  // line 3
        try bytes.write(to: url)
        let before = try Data(contentsOf: url)
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

        await #expect {
            _ = try await JSONLinesEventStore.open(directory: directory)
        } throws: { error in
            guard let error = error as? EventStoreError, error.kind == .corrupted else { return false }
            return error.message.contains("line 3:")
        }
        await #expect(throws: EventStoreError.self) { try await JSONLinesEventStore.repair(directory: directory) }
        await #expect(throws: EventStoreError.self) { try await JSONLinesEventStore.verify(directory: directory) }
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == filesBefore)
    }

    @Test("a gap in positions is corruption")
    func gapIsCorruption() async throws {
        let folder = try TemporaryFolder()
        let (directory, _) = try await makeStore(in: folder, commands: 3, eventsEach: 1)
        let url = eventsFile(directory)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        lines.remove(at: 1)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        await #expect {
            _ = try await JSONLinesEventStore.open(directory: directory)
        } throws: { error in
            (error as? EventStoreError)?.message.contains("line 2: position 3 where 2 was expected") == true
        }
    }

    @Test("a second writer is refused with the holder's pid")
    func secondWriterRefused() async throws {
        let folder = try TemporaryFolder()
        let directory = folder.url.appendingPathComponent("store")
        let first = try await JSONLinesEventStore.open(directory: directory)
        // flock locks belong to an open file, so a second open in this process conflicts too.
        await #expect {
            _ = try await JSONLinesEventStore.open(directory: directory)
        } throws: { error in
            guard let error = error as? EventStoreError, error.kind == .locked else { return false }
            return error.message.contains("process \(ProcessInfo.processInfo.processIdentifier)")
        }
        await first.close()
        let second = try await JSONLinesEventStore.open(directory: directory)
        await second.close()
    }

    @Test("repair cuts a torn tail and reports it; a clean store needs none")
    func repair() async throws {
        let folder = try TemporaryFolder()
        let (directory, _) = try await makeStore(in: folder, commands: 2)
        #expect(try await JSONLinesEventStore.repair(directory: directory) == nil)
        try appendBytes("{\"format\":1", to: eventsFile(directory))
        let cut = try await JSONLinesEventStore.repair(directory: directory)
        #expect(cut?.byteCount == 11)
        let verification = try await JSONLinesEventStore.verify(directory: directory)
        #expect(verification.isClean && verification.eventCount == 4 && verification.streamCount == 2)
    }

    @Test("many concurrent appends share syncs and all land, in order")
    func groupCommit() async throws {
        let folder = try TemporaryFolder()
        let directory = folder.url.appendingPathComponent("store")
        let store = try await JSONLinesEventStore.open(directory: directory)
        let streams = (0..<20).map { _ in EventStoreConformance.stream() }
        let acknowledged = try await withThrowingTaskGroup(of: [RecordedEvent].self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await store.append(events(1 + index % 2), to: streams[index % 20], expectedVersion: .any)
                }
            }
            return try await group.reduce(into: [RecordedEvent]()) { $0 += $1 }
        }
        #expect(acknowledged.count == 300)
        await store.close()
        let reopened = try await JSONLinesEventStore.open(directory: directory)
        let stored = try await reopened.readAll(after: 0, limit: 1000)
        #expect(stored == acknowledged.sorted { $0.position < $1.position })
        #expect(stored.map(\.position) == Array(1...300))
        await reopened.close()
    }

    @Test("a closed store refuses work")
    func closedStore() async throws {
        let folder = try TemporaryFolder()
        let store = try await JSONLinesEventStore.open(directory: folder.url.appendingPathComponent("store"))
        await store.close()
        await #expect(throws: EventStoreError.self) {
            _ = try await store.append(events(1), to: EventStoreConformance.stream(), expectedVersion: .any)
        }
        await #expect(throws: EventStoreError.self) { _ = try await store.headPosition() }
    }

    @Test("a reopened store reads a stream after a version")
    func readStreamAfterReopen() async throws {
        let folder = try TemporaryFolder()
        let directory = folder.url.appendingPathComponent("store")
        let store = try await JSONLinesEventStore.open(directory: directory)
        let stream = EventStoreConformance.stream()
        _ = try await store.append(events(2), to: stream, expectedVersion: .noStream)
        await store.close()
        let reopened = try await JSONLinesEventStore.open(directory: directory)
        #expect(try await reopened.read(stream: stream, after: 1).map(\.version) == [2])
        await reopened.close()
    }
}
