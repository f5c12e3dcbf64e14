import Disco
import DiscoTesting
import Foundation
import Testing

@Suite("JSON-lines index checkpoint")
struct IndexCheckpointTests {
    /// A closed store with 30 commands of 1 to 3 events over 5 streams, and its events.
    private func closedStore(in folder: TemporaryFolder) async throws -> (URL, [RecordedEvent]) {
        let directory = folder.url.appendingPathComponent("store")
        let store = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        let streams = (0..<5).map { _ in EventStoreConformance.stream() }
        var recorded: [RecordedEvent] = []
        for index in 0..<30 {
            let events = EventStoreConformance.command(index % 3 + 1, payload: ["n": .int(index)])
            recorded += try await store.append(events, to: streams[index % 5], expectedVersion: .any)
        }
        await store.close()
        return (directory, recorded)
    }

    private func checkpoint(_ directory: URL) -> URL {
        directory.appendingPathComponent("index.checkpoint")
    }

    /// Everything a store shows: all events, each stream, the stream list.
    private func contents(_ store: JSONLinesEventStore) async throws -> [[RecordedEvent]] {
        let all = try await store.readAll(after: 0, limit: 1_000)
        #expect(
            try await store.commands(after: 0)
                == all.map { RecordedCommand(commandID: $0.commandID, stream: $0.stream, version: $0.version) }
        )
        #expect(try await store.commands(after: 7) == Array(try await store.commands(after: 0).dropFirst(7)))
        var result = [all]
        for summary in try await store.streams() {
            result.append(try await store.read(stream: summary.stream))
        }
        return result
    }

    @Test("after a clean close, opening reads the checkpoint and shows the same store as a scan")
    func checkpointMatchesScan() async throws {
        let folder = try TemporaryFolder()
        let (directory, recorded) = try await closedStore(in: folder)
        let fromCheckpoint = try await JSONLinesEventStore.open(directory: directory)
        #expect(fromCheckpoint.indexSource == .checkpoint)
        let seen = try await contents(fromCheckpoint)
        #expect(seen[0] == recorded)
        #expect(try await fromCheckpoint.streams().map(\.version).reduce(0, +) == recorded.count)
        await fromCheckpoint.close()

        try FileManager.default.removeItem(at: checkpoint(directory))
        let scanned = try await JSONLinesEventStore.open(directory: directory)
        #expect(scanned.indexSource == .scan)
        #expect(try await contents(scanned) == seen)
        // Appends after a checkpoint open continue positions and versions.
        let stream = recorded[0].stream
        let version = try await scanned.read(stream: stream).count
        let next = try await scanned.append(
            EventStoreConformance.command(1),
            to: stream,
            expectedVersion: .exactly(version)
        )
        #expect(next.map(\.position) == [Int64(recorded.count + 1)])
        await scanned.close()
    }

    @Test("a file changed after the checkpoint is scanned again, so damage is still found")
    func changedFileIsScanned() async throws {
        let folder = try TemporaryFolder()
        let (directory, _) = try await closedStore(in: folder)
        let url = directory.appendingPathComponent(JSONLinesEventStore.eventsFileName)
        var bytes = try Data(contentsOf: url)
        let secondLine = try #require(bytes.firstIndex(of: 0x0A)) + 1
        try await Task.sleep(for: .milliseconds(20))  // a clock tick after the store's last write
        bytes[secondLine + 3] = UInt8(ascii: "#")
        try bytes.write(to: url)
        await #expect {
            _ = try await JSONLinesEventStore.open(directory: directory)
        } throws: { error in
            (error as? EventStoreError)?.kind == .corrupted
                && (error as? EventStoreError)?.message.contains("line 2:") == true
        }
    }

    @Test("appends after the checkpoint without a close (a crash) make the next open scan")
    func appendsWithoutCloseAreScanned() async throws {
        let folder = try TemporaryFolder()
        let (directory, recorded) = try await closedStore(in: folder)
        let url = directory.appendingPathComponent(JSONLinesEventStore.eventsFileName)
        // What a crashed writer leaves: one more complete line, written by another store.
        let other = folder.url.appendingPathComponent("other")
        let otherStore = try await JSONLinesEventStore.open(directory: other)
        let stream = EventStoreConformance.stream()
        _ = try await otherStore.append(EventStoreConformance.command(1), to: stream, expectedVersion: .noStream)
        await otherStore.close()
        var line = try String(
            contentsOf: other.appendingPathComponent(JSONLinesEventStore.eventsFileName),
            encoding: .utf8
        )
        line = line.replacingOccurrences(of: "\"position\":1,", with: "\"position\":\(recorded.count + 1),")
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        try handle.close()

        let store = try await JSONLinesEventStore.open(directory: directory)
        #expect(store.indexSource == .scan)
        #expect(try await store.headPosition() == Int64(recorded.count + 1))
        #expect(try await store.read(stream: stream).count == 1)
        await store.close()
    }

    @Test("a damaged checkpoint is ignored")
    func damagedCheckpointIgnored() async throws {
        let folder = try TemporaryFolder()
        let (directory, recorded) = try await closedStore(in: folder)
        var bytes = try Data(contentsOf: checkpoint(directory))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: checkpoint(directory))
        let store = try await JSONLinesEventStore.open(directory: directory)
        #expect(store.indexSource == .scan)
        #expect(try await store.readAll(after: 0, limit: 1_000) == recorded)
        await store.close()

        try Data(bytes.prefix(20)).write(to: checkpoint(directory))
        let again = try await JSONLinesEventStore.open(directory: directory)
        #expect(again.indexSource == .scan)
        await again.close()
    }

    @Test("a file changed while the store is open gets no checkpoint at close, so the damage is found")
    func changedWhileOpen() async throws {
        let folder = try TemporaryFolder()
        let (directory, _) = try await closedStore(in: folder)
        let store = try await JSONLinesEventStore.open(directory: directory)
        #expect(store.indexSource == .checkpoint)
        #expect(!FileManager.default.fileExists(atPath: checkpoint(directory).path))  // read once
        // Another program rewrites a byte of line 2 in place while the store is open, a clock
        // tick after the store's last write (file times move in ticks of a few milliseconds).
        try await Task.sleep(for: .milliseconds(20))
        let url = directory.appendingPathComponent(JSONLinesEventStore.eventsFileName)
        let secondLine = try #require(try Data(contentsOf: url).firstIndex(of: 0x0A)) + 1
        let handle = try FileHandle(forUpdating: url)
        try handle.seek(toOffset: UInt64(secondLine + 3))
        try handle.write(contentsOf: Data("#".utf8))
        try handle.close()
        await store.close()
        #expect(!FileManager.default.fileExists(atPath: checkpoint(directory).path))
        await #expect {
            _ = try await JSONLinesEventStore.open(directory: directory)
        } throws: { error in
            (error as? EventStoreError)?.kind == .corrupted && (error as? EventStoreError)?.message.contains("line 2:") == true
        }
    }
}
