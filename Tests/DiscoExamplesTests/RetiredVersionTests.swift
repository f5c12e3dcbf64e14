import Disco
import DiscoExamples
import Foundation
import Testing

/// The generated `Meter` (`Tests/DiscoGenReferenceTests/Specs/meter.yml`) retired version 1 of
/// `reading_taken`: it reads versions 2 (through its step) and 3, and a store that still holds
/// version 1 stops start-up with an error that says so, changing nothing.
@Suite struct RetiredVersionTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("disco-retired-\(UUID().uuidString)")
    let stream = StreamID(aggregate: "Meter", id: UUID())

    /// Records `meter_installed`, then `reading_taken` at `version` with `payload`.
    func record(readingAt version: Int, _ payload: Params) async throws {
        let store = try await JSONLinesEventStore.open(directory: directory)
        let installed = ProposedEvent(
            eventType: "meter_installed",
            commandID: UUID(),
            correlationID: UUID(),
            payload: ["unit": "kWh"]
        )
        let reading = ProposedEvent(
            eventType: "reading_taken",
            schemaVersion: version,
            commandID: UUID(),
            correlationID: UUID(),
            payload: payload
        )
        _ = try await store.append([installed, reading], to: stream, expectedVersion: .noStream)
        await store.close()
    }

    @Test("a version the spec still has a step for is read through it")
    func versionTwoIsUpcast() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await record(readingAt: 2, ["reading": 41.5, "unit": "m3"])
        let store = try await JSONLinesEventStore.open(directory: directory)
        let orchestrator = try await Orchestrator.start([Meter.self], store: store)
        let meter = try await orchestrator.state(of: "Meter", id: stream.id)
        #expect(meter?.fields["value"] == 41.5)
        #expect(meter?.fields["unit"] == "m3")
        await store.close()
    }

    @Test("a retired version stops start-up, says what to do and changes nothing")
    func retiredVersionStopsStartUp() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await record(readingAt: 1, ["reading": 41.5])
        let before = try Data(contentsOf: directory.appendingPathComponent("events.jsonl"))

        let store = try await JSONLinesEventStore.open(directory: directory)
        let error = await #expect(throws: EventStoreError.self) {
            _ = try await Orchestrator.start([Meter.self], store: store)
        }
        #expect(error?.kind == .retiredSchemaVersion)
        #expect(
            error?.message
                == "cannot decode event 'reading_taken' (version 1) at position 2, stream \(stream): "
                + "it was recorded at version 1, which the spec retired: this build reads versions from 2 on. "
                + "Copy the store with a build that still has the upcast steps (EventStoreCopier(upcaster:)) "
                + "and open the copy (nothing in the store was changed)"
        )
        await store.close()
        #expect(try Data(contentsOf: directory.appendingPathComponent("events.jsonl")) == before)
    }
}
