import Disco
import Foundation
import PostgresNIO

extension PostgresEventStore: ImportableEventStore {
    /// Records events from another store with their envelopes unchanged, in one transaction
    /// (the SQL function `disco_import`), for ``EventStoreCopier``.
    ///
    /// - Throws: `EventStoreError` of kind `wrongExpectedVersion` when the positions do not
    ///   continue the store's head or a stream's versions do not continue it.
    public func importEvents(_ events: [RecordedEvent]) async throws {
        guard !events.isEmpty else { return }
        var positions: [Int64] = []
        var streamTypes: [String] = []
        var streamIDs: [UUID] = []
        var versions: [Int32] = []
        var eventTypes: [String] = []
        var schemaVersions: [Int32] = []
        var eventIDs: [UUID] = []
        var commandIDs: [UUID] = []
        var correlationIDs: [UUID] = []
        var causationIDs: [String] = []
        var recordedAt: [Date] = []
        var payloads: [String] = []
        var metadata: [String] = []
        for event in events {
            positions.append(event.position)
            streamTypes.append(event.stream.aggregate)
            streamIDs.append(event.stream.id)
            versions.append(Int32(clamping: event.version))
            eventTypes.append(event.eventType)
            schemaVersions.append(Int32(clamping: event.schemaVersion))
            eventIDs.append(event.eventID)
            commandIDs.append(event.commandID)
            correlationIDs.append(event.correlationID)
            causationIDs.append(event.causationID?.uuidString ?? "")
            recordedAt.append(event.recordedAt)
            payloads.append(try PostgresJSON.encode(event.payload, of: "the payload of event \(event.position)"))
            metadata.append(try PostgresJSON.encode(event.metadata, of: "the metadata of event \(event.position)"))
        }
        let query: PostgresQuery = """
            SELECT \(unescaped: schema.importFunction)(\(positions), \(streamTypes), \(streamIDs), \(versions), \
            \(eventTypes), \(schemaVersions), \(eventIDs), \(commandIDs), \(correlationIDs), \(causationIDs), \
            \(recordedAt), \(payloads), \(metadata))
            """
        do {
            try await withRows(of: query) { rows in for try await _ in rows {} }
        } catch {
            if PostgresErrors.sqlState(error) == PostgresSchema.importRefusedState {
                throw EventStoreError(
                    .wrongExpectedVersion,
                    "PostgreSQL refused the imported events: \(PostgresErrors.summary(error))"
                )
            }
            throw PostgresErrors.storeError(error, doing: "import \(events.count) events")
        }
        await wakeups.publish(head: events[events.count - 1].position)
    }
}
