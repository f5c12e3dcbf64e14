import Disco
import DiscoPostgres
import Foundation
import Testing

@Suite(
    "Copying stores into and out of PostgreSQL",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(3))
)
struct PostgresCopierTests {
    /// A source store with a few commands on a few streams.
    static func filledMemoryStore() async throws -> InMemoryEventStore {
        let store = InMemoryEventStore()
        let streams = (0..<3).map { _ in StreamID(aggregate: "Wallet", id: UUID()) }
        for round in 0..<4 {
            for stream in streams {
                let events = (0...(round % 2)).map { PostgresTestEnvironment.event("e\(round)", $0) }
                _ = try await store.append(events, to: stream, expectedVersion: .any)
            }
        }
        return store
    }

    /// Whether two events are the same but for the recording time's sub-microsecond digits,
    /// which PostgreSQL's timestamptz does not keep.
    static func sameEnvelope(_ a: RecordedEvent, _ b: RecordedEvent) -> Bool {
        var a = a
        guard abs(a.recordedAt.timeIntervalSince(b.recordedAt)) < 0.000_001 else { return false }
        a.recordedAt = b.recordedAt
        return a == b
    }

    @Test("memory -> PostgreSQL -> PostgreSQL keeps every envelope; a second run copies nothing")
    func copiesPreservingEnvelopes() async throws {
        let source = try await Self.filledMemoryStore()
        let original = await source.readAll(after: 0, limit: 1000)
        try await PostgresTestEnvironment.withStore { first, configuration in
            let report = try await EventStoreCopier(batchSize: 4).copy(from: source, to: first)
            #expect(report == EventStoreCopyReport(alreadyPresent: 0, copied: Int64(original.count), preservedEnvelopes: true))
            let copied = try await first.readAll(after: 0, limit: 1000)
            #expect(copied.count == original.count)
            #expect(zip(copied, original).allSatisfy(Self.sameEnvelope))

            let again = try await EventStoreCopier().copy(from: source, to: first)
            #expect(again == EventStoreCopyReport(alreadyPresent: Int64(original.count), copied: 0, preservedEnvelopes: true))

            let second = try await PostgresEventStore.open(configuration.inSchema(PostgresTestEnvironment.freshSchema()))
            _ = try await EventStoreCopier(batchSize: 5).copy(from: first, to: second)
            #expect(try await second.readAll(after: 0, limit: 1000) == copied)
            try await PostgresTestEnvironment.drop(second.configuration.schema, using: second)
            await second.close()
        }
    }

    @Test("PostgreSQL -> memory keeps ids, streams, versions and positions")
    func copiesOut() async throws {
        let source = try await Self.filledMemoryStore()
        try await PostgresTestEnvironment.withStore { store, _ in
            _ = try await EventStoreCopier().copy(from: source, to: store)
            let back = InMemoryEventStore()
            let report = try await EventStoreCopier(batchSize: 3).copy(from: store, to: back)
            #expect(report.preservedEnvelopes == false)
            let theirs = await back.readAll(after: 0, limit: 1000)
            let ours = try await store.readAll(after: 0, limit: 1000)
            #expect(theirs.map(\.eventID) == ours.map(\.eventID))
            #expect(theirs.map(\.position) == ours.map(\.position))
            #expect(theirs.map(\.version) == ours.map(\.version))
            #expect(theirs.map(\.payload) == ours.map(\.payload))
        }
    }

    @Test("PostgreSQL -> JSON lines keeps every envelope field, times to the millisecond")
    func copiesOutToJSONLines() async throws {
        let source = try await Self.filledMemoryStore()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await PostgresTestEnvironment.withStore { store, _ in
            _ = try await EventStoreCopier().copy(from: source, to: store)
            let back = try await JSONLinesEventStore.open(directory: folder, durability: .none)
            let report = try await EventStoreCopier(batchSize: 3).copy(from: store, to: back)
            #expect(report.preservedEnvelopes)
            let theirs = try await back.readAll(after: 0, limit: 1000)
            let ours = try await store.readAll(after: 0, limit: 1000)
            #expect(theirs.count == ours.count)
            for (copy, original) in zip(theirs, ours) {
                var expected = original
                expected.recordedAt = Date(
                    timeIntervalSince1970: (original.recordedAt.timeIntervalSince1970 * 1_000).rounded(.down) / 1_000)
                #expect(copy == expected)
            }
            await back.close()
        }
    }

    @Test("a destination holding other events is refused, and import refuses gaps")
    func refusesForeignDestination() async throws {
        let source = try await Self.filledMemoryStore()
        try await PostgresTestEnvironment.withStore { store, _ in
            _ = try await store.append(
                [PostgresTestEnvironment.event()], to: StreamID(aggregate: "Other", id: UUID()), expectedVersion: .noStream)
            await #expect {
                _ = try await EventStoreCopier().copy(from: source, to: store)
            } throws: { error in
                (error as? EventStoreError)?.kind == .corrupted
            }
            var event = await source.readAll(after: 5, limit: 1)[0]
            event.position = 7
            await #expect {
                try await store.importEvents([event])
            } throws: { error in
                (error as? EventStoreError)?.kind == .wrongExpectedVersion
            }
            #expect(try await store.headPosition() == 1)
        }
    }
}
