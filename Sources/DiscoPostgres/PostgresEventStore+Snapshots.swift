import Disco
import Foundation
import PostgresNIO

extension PostgresEventStore: SnapshotStore, StreamListing, CommandListing {
    /// The latest snapshot of a stream, from the `disco_snapshots` table.
    public func snapshot(of stream: StreamID) async throws -> Snapshot? {
        do {
            return try await withRows(
                of: """
                    SELECT version, last_event_id, schema, state::text FROM \(unescaped: schema.snapshots)
                    WHERE stream_type = \(stream.aggregate) AND stream_id = \(stream.id)
                    """
            ) { rows in
                var snapshot: Snapshot?
                for try await (version, lastEventID, schema, state) in rows.decode((Int, UUID, String, String).self) {
                    snapshot = Snapshot(
                        stream: stream,
                        version: version,
                        lastEventID: lastEventID,
                        schema: schema,
                        state: try PostgresJSON.decode(state, of: "the snapshot of \(stream)")
                    )
                }
                return snapshot
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "read the snapshot of \(stream)")
        }
    }

    /// Keeps a snapshot in the `disco_snapshots` table, unless a newer one is there: several
    /// processes may save snapshots of the same stream.
    public func save(_ snapshot: Snapshot) async throws {
        let state = try PostgresJSON.encode(snapshot.state, of: "the snapshot of \(snapshot.stream)")
        guard let version = Int32(exactly: snapshot.version) else {
            throw EventStoreError(.io, "the snapshot version \(snapshot.version) of \(snapshot.stream) is out of range")
        }
        do {
            try await withRows(
                of: """
                    INSERT INTO \(unescaped: schema.snapshots) AS kept
                        (stream_type, stream_id, version, last_event_id, schema, state)
                    VALUES (\(snapshot.stream.aggregate), \(snapshot.stream.id), \(version), \(snapshot.lastEventID), \
                    \(snapshot.schema), \(state)::json)
                    ON CONFLICT (stream_type, stream_id) DO UPDATE SET
                        version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id,
                        schema = EXCLUDED.schema, state = EXCLUDED.state, taken_at = clock_timestamp()
                    WHERE kept.version <= EXCLUDED.version
                    """
            ) { rows in for try await _ in rows {} }
        } catch {
            throw PostgresErrors.storeError(error, doing: "save the snapshot of \(snapshot.stream)")
        }
    }

    /// Every stream with its first position and version, in the order of their first events.
    public func streams() async throws -> [StreamSummary] {
        do {
            return try await withRows(
                of: """
                    SELECT stream_type, stream_id, min(position), max(version) FROM \(unescaped: schema.events)
                    GROUP BY stream_type, stream_id ORDER BY min(position)
                    """
            ) { rows in
                var streams: [StreamSummary] = []
                for try await (type, id, first, version) in rows.decode((String, UUID, Int64, Int).self) {
                    streams.append(StreamSummary(stream: StreamID(aggregate: type, id: id), firstPosition: first, version: version))
                }
                return streams
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "list the streams")
        }
    }

    /// The command, stream and version of every event after a position, without payloads.
    public func commands(after position: Int64) async throws -> [RecordedCommand] {
        do {
            return try await withRows(
                of: """
                    SELECT command_id, stream_type, stream_id, version FROM \(unescaped: schema.events)
                    WHERE position > \(position) ORDER BY position
                    """
            ) { rows in
                var commands: [RecordedCommand] = []
                for try await (commandID, type, id, version) in rows.decode((UUID, String, UUID, Int).self) {
                    commands.append(RecordedCommand(commandID: commandID, stream: StreamID(aggregate: type, id: id), version: version))
                }
                return commands
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "list the commands after position \(position)")
        }
    }
}
