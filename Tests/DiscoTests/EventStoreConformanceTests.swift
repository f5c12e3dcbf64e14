import Disco
import DiscoTesting
import Foundation
import Testing

@Suite("Event store conformance")
struct EventStoreConformanceTests {
    @Test("in-memory store", arguments: EventStoreConformance.Check.allCases)
    func inMemory(_ check: EventStoreConformance.Check) async throws {
        try await check.run { InMemoryEventStore() }
    }

    @Test("JSON-lines store, fsync", arguments: EventStoreConformance.Check.allCases)
    func jsonLines(_ check: EventStoreConformance.Check) async throws {
        let folder = try TemporaryFolder()
        try await check.run { try await JSONLinesEventStore.open(directory: folder.url.appendingPathComponent("store")) }
    }

    @Test("JSON-lines store, no sync", arguments: [EventStoreConformance.Check.concurrentAppendsManyStreams, .subscription])
    func jsonLinesWithoutSync(_ check: EventStoreConformance.Check) async throws {
        let folder = try TemporaryFolder()
        try await check.run { try await JSONLinesEventStore.open(directory: folder.url.appendingPathComponent("store"), durability: .none) }
    }

    @Test("JSON-lines store, batched sync", arguments: [EventStoreConformance.Check.concurrentAppendsManyStreams, .appendRecordsEnvelope])
    func jsonLinesBatched(_ check: EventStoreConformance.Check) async throws {
        let folder = try TemporaryFolder()
        try await check.run {
            try await JSONLinesEventStore.open(directory: folder.url.appendingPathComponent("store"), durability: .batched(interval: .milliseconds(5)))
        }
    }
}
