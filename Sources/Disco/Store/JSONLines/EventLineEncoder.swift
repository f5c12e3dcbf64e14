import Foundation

/// Writes events as lines of `events.jsonl`, format version 1 (see `Docs/StoreFormat.md`).
///
/// A line is assembled from pieces so that the expensive part (payload and metadata) is
/// encoded before the store's lock is taken, and only the numbers the store assigns
/// (position, version, time) are written under it:
///
/// ```
/// {"format":1,"position":P,"stream":{…},"version":V,"recorded_at":"…",<body>}\n
/// ```
enum EventLineEncoder {
    /// The format version this encoder writes.
    static let format = 1

    /// The parts of a line that do not depend on where it lands.
    struct Pieces: Sendable {
        /// `,"stream":{"aggregate":…,"id":…}`
        var stream: [UInt8]
        /// `,"event_type":…` up to the end of the metadata, without the closing brace.
        var body: [UInt8]
    }

    /// The pieces of each event of one command.
    /// - Throws: ``EventStoreError`` with kind `io` when a payload holds a number JSON cannot
    ///   write (NaN or infinity).
    static func pieces(of events: [ProposedEvent], stream: StreamID) throws(EventStoreError) -> [Pieces] {
        var streamPiece: [UInt8] = []
        streamPiece.append(contentsOf: #","stream":{"aggregate":"#.utf8)
        JSONWriter.writeString(stream.aggregate, into: &streamPiece)
        streamPiece.append(contentsOf: #","id":"#.utf8)
        writeUUID(stream.id, into: &streamPiece)
        streamPiece.append(UInt8(ascii: "}"))
        var result: [Pieces] = []
        result.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            var body: [UInt8] = []
            body.reserveCapacity(320)
            body.append(contentsOf: #","event_type":"#.utf8)
            JSONWriter.writeString(event.eventType, into: &body)
            body.append(contentsOf: #","schema_version":"#.utf8)
            JSONWriter.writeInteger(event.schemaVersion, into: &body)
            body.append(contentsOf: #","event_id":"#.utf8)
            writeUUID(event.eventID, into: &body)
            body.append(contentsOf: #","command_id":"#.utf8)
            writeUUID(event.commandID, into: &body)
            body.append(contentsOf: #","command_event_index":"#.utf8)
            JSONWriter.writeInteger(index, into: &body)
            body.append(contentsOf: #","command_event_count":"#.utf8)
            JSONWriter.writeInteger(events.count, into: &body)
            body.append(contentsOf: #","correlation_id":"#.utf8)
            writeUUID(event.correlationID, into: &body)
            body.append(contentsOf: #","causation_id":"#.utf8)
            if let causation = event.causationID {
                writeUUID(causation, into: &body)
            } else {
                body.append(contentsOf: "null".utf8)
            }
            do throws(JSONError) {
                body.append(contentsOf: #","payload":"#.utf8)
                try JSONWriter.write(event.payload, into: &body)
                body.append(contentsOf: #","metadata":"#.utf8)
                try JSONWriter.write(event.metadata, into: &body)
            } catch {
                throw EventStoreError(
                    .io,
                    "event \(index + 1) (\(event.eventType)) of the command cannot be stored: \(error.message)"
                )
            }
            result.append(Pieces(stream: streamPiece, body: body))
        }
        return result
    }

    /// Appends a whole line, newline included.
    static func appendLine(
        _ pieces: Pieces,
        position: Int64,
        version: Int,
        recordedAt: Date,
        into output: inout [UInt8]
    ) {
        output.append(contentsOf: #"{"format":1,"position":"#.utf8)
        JSONWriter.writeInteger(position, into: &output)
        output.append(contentsOf: pieces.stream)
        output.append(contentsOf: #","version":"#.utf8)
        JSONWriter.writeInteger(version, into: &output)
        output.append(contentsOf: #","recorded_at":""#.utf8)
        UTCTimestamp.write(recordedAt, into: &output)
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: pieces.body)
        output.append(contentsOf: "}\n".utf8)
    }

    /// Appends a quoted lowercase UUID.
    static func writeUUID(_ id: UUID, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        id.appendText(to: &output)
        output.append(UInt8(ascii: "\""))
    }

}
