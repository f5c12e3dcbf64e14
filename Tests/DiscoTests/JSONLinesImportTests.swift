import Disco
import DiscoTesting
import Foundation
import Testing

@Suite("JSON-lines import")
struct JSONLinesImportTests {
    /// An in-memory store with commands of one to three events over four streams.
    private func source() async throws -> InMemoryEventStore {
        let store = InMemoryEventStore()
        let streams = (0..<4).map { _ in EventStoreConformance.stream() }
        for index in 0..<25 {
            let events = EventStoreConformance.command(index % 3 + 1, payload: ["n": .int(index), "text": "é\n\u{1}"])
            _ = try await store.append(events, to: streams[index % 4], expectedVersion: .any)
        }
        return store
    }

    @Test("a copy into a JSON-lines store keeps every envelope field, times to the millisecond")
    func copyKeepsEnvelopes() async throws {
        let folder = try TemporaryFolder()
        let source = try await source()
        let destination = try await JSONLinesEventStore.open(
            directory: folder.url.appendingPathComponent("copy"),
            durability: .none
        )
        let report = try await EventStoreCopier(batchSize: 7).copy(from: source, to: destination)
        #expect(report.preservedEnvelopes)
        #expect(report.copied == 49)
        let original = await source.readAll(after: 0, limit: 100)
        let copied = try await destination.readAll(after: 0, limit: 100)
        #expect(copied.count == original.count)
        for (copy, event) in zip(copied, original) {
            var expected = event
            expected.recordedAt = Date(
                timeIntervalSince1970: (event.recordedAt.timeIntervalSince1970 * 1_000).rounded(.down) / 1_000
            )
            #expect(copy == expected)
        }
        await destination.close()

        // The copy reopens cleanly from a full scan, commands whole.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("copy/index.checkpoint"))
        let reopened = try await JSONLinesEventStore.open(directory: folder.url.appendingPathComponent("copy"))
        #expect(reopened.indexSource == .scan)
        #expect(try await reopened.readAll(after: 0, limit: 100) == copied)
        await reopened.close()
    }

    @Test("events that do not continue the store are refused, and nothing is written")
    func refusesGaps() async throws {
        let folder = try TemporaryFolder()
        let events = try await source().readAll(after: 0, limit: 100)
        let store = try await JSONLinesEventStore.open(directory: folder.url, durability: .none)
        await #expect {
            try await store.importEvents(Array(events[1...]))
        } throws: { error in
            (error as? EventStoreError)?.kind == .wrongExpectedVersion
        }
        #expect(try await store.headPosition() == 0)
        try await store.importEvents(Array(events[..<10]))
        var skipped = Array(events[10..<12])
        skipped[1].version += 1
        await #expect(throws: EventStoreError.self) { try await store.importEvents(skipped) }
        #expect(try await store.headPosition() == 10)
        await store.close()
    }

    @Test("a copy into a store that cannot import appends command by command, keeping ids, positions and versions")
    func copyByAppending() async throws {
        let source = try await source()
        let destination = InMemoryEventStore()
        let report = try await EventStoreCopier(batchSize: 5).copy(from: source, to: destination)
        #expect(!report.preservedEnvelopes)
        let original = await source.readAll(after: 0, limit: 100)
        let copied = await destination.readAll(after: 0, limit: 100)
        #expect(copied.map(\.eventID) == original.map(\.eventID))
        #expect(copied.map(\.position) == original.map(\.position))
        #expect(copied.map(\.version) == original.map(\.version))
        #expect(copied.map(\.commandID) == original.map(\.commandID))
        #expect(copied.map(\.payload) == original.map(\.payload))
        // Copying again finds everything there and copies nothing.
        #expect(try await EventStoreCopier().copy(from: source, to: destination).copied == 0)
    }

    @Test("a copy in batches that would cut a command still records every command whole")
    func commandsStayWhole() async throws {
        let folder = try TemporaryFolder()
        let source = InMemoryEventStore()
        for _ in 0..<5 {
            _ = try await source.append(EventStoreConformance.command(3), to: EventStoreConformance.stream(), expectedVersion: .noStream)
        }
        let directory = folder.url.appendingPathComponent("copy")
        let destination = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        let report = try await EventStoreCopier(batchSize: 4).copy(from: source, to: destination)
        #expect(report.copied == 15)
        await destination.close()
        let text = try String(contentsOf: directory.appendingPathComponent(JSONLinesEventStore.eventsFileName), encoding: .utf8)
        let counts = try text.split(separator: "\n").map { try JSON.decodeObject(Array($0.utf8))["command_event_count"] }
        #expect(counts == Array(repeating: .int(3), count: 15))
    }
}
