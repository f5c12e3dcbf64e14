import Foundation

/// Reads lines of `events.jsonl` (see `Docs/StoreFormat.md`): in full, or only the envelope
/// fields the store indexes by, checking that the payload and metadata are well-formed JSON
/// without building them.
///
/// Keys may come in any order; unknown keys are skipped, so that a later minor addition to
/// format 1 does not make older readers fail.
enum EventLineDecoder {
    private enum Field: Int, CaseIterable {
        case format, position, stream, version, recordedAt, eventType, schemaVersion, eventID, commandID
        case commandEventIndex, commandEventCount, correlationID, causationID, payload, metadata

        var key: String {
            switch self {
            case .format: "format"
            case .position: "position"
            case .stream: "stream"
            case .version: "version"
            case .recordedAt: "recorded_at"
            case .eventType: "event_type"
            case .schemaVersion: "schema_version"
            case .eventID: "event_id"
            case .commandID: "command_id"
            case .commandEventIndex: "command_event_index"
            case .commandEventCount: "command_event_count"
            case .correlationID: "correlation_id"
            case .causationID: "causation_id"
            case .payload: "payload"
            case .metadata: "metadata"
            }
        }
    }

    private static let keyBytes: [[UInt8]] = Field.allCases.map { Array($0.key.utf8) }

    /// Decodes one line (without its newline).
    /// - Parameters:
    ///   - line: The line's bytes.
    ///   - full: Whether to build the whole ``RecordedEvent`` rather than only the header.
    /// - Throws: ``JSONError`` with the byte offset in the line.
    static func decode(_ line: UnsafeBufferPointer<UInt8>, full: Bool) throws(JSONError) -> EventLine {
        var parser = JSONParser(line)
        var format: Int?
        var position: Int64?
        var stream: StreamID?
        var version: Int?
        var recordedAt: Date?
        var eventType: String?
        var schemaVersion: Int?
        var eventID: UUID?
        var commandID: UUID?
        var commandEventIndex: Int?
        var commandEventCount: Int?
        var correlationID: UUID?
        var causationID: UUID?
        var payload: Params?
        var metadata: Params?

        parser.skipWhitespace()
        guard parser.index < line.count, line[parser.index] == UInt8(ascii: "{") else {
            throw parser.error("a line must be a JSON object, found \(parser.describeByte(at: parser.index))")
        }
        parser.index += 1
        parser.skipWhitespace()
        var done = parser.index < line.count && line[parser.index] == UInt8(ascii: "}")
        if done { parser.index += 1 }
        while !done {
            parser.skipWhitespace()
            guard parser.index < line.count, line[parser.index] == UInt8(ascii: "\"") else {
                throw parser.error("expected a string key, found \(parser.describeByte(at: parser.index))")
            }
            let keyOffset = parser.index
            let key = try parser.parseRawString()
            let field = try self.field(of: key, parser: parser, at: keyOffset)
            try parser.expectSeparator(UInt8(ascii: ":"), "after a key")
            parser.skipWhitespace()
            let valueOffset = parser.index
            switch field {
            case .format: format = try integer(&parser, "format")
            case .position: position = Int64(try integer(&parser, "position"))
            case .version: version = try integer(&parser, "version")
            case .schemaVersion: schemaVersion = try integer(&parser, "schema_version")
            case .commandEventIndex: commandEventIndex = try integer(&parser, "command_event_index")
            case .commandEventCount: commandEventCount = try integer(&parser, "command_event_count")
            case .commandID: commandID = try uuid(&parser, "command_id")
            case .stream: stream = try self.stream(&parser)
            case .eventType where full: eventType = try string(&parser, "event_type")
            case .eventID where full: eventID = try uuid(&parser, "event_id")
            case .correlationID where full: correlationID = try uuid(&parser, "correlation_id")
            case .causationID where full:
                if parser.index < line.count, line[parser.index] == UInt8(ascii: "n") {
                    guard case .null = try parser.parseValue() else {
                        throw parser.error("causation_id must be a UUID string or null", at: valueOffset)
                    }
                } else {
                    causationID = try uuid(&parser, "causation_id")
                }
            case .recordedAt where full:
                let raw = try rawString(&parser, "recorded_at")
                let text = UnsafeBufferPointer(rebasing: line[raw.range])
                guard !raw.hasEscapes, let date = UTCTimestamp.parse(text) else {
                    throw parser.error("recorded_at is not an ISO 8601 timestamp", at: valueOffset)
                }
                recordedAt = date
            case .payload where full: payload = try object(&parser, "payload")
            case .metadata where full: metadata = try object(&parser, "metadata")
            case .payload, .metadata:
                guard line[parser.index] == UInt8(ascii: "{") else {
                    throw parser.error(
                        "\(field == .payload ? "payload" : "metadata") must be an object",
                        at: valueOffset
                    )
                }
                try parser.skipValue()
            case nil, .eventType, .eventID, .correlationID, .causationID, .recordedAt:
                try parser.skipValue()
            }
            parser.skipWhitespace()
            guard parser.index < line.count else { throw parser.error("unexpected end of line inside the event") }
            switch line[parser.index] {
            case UInt8(ascii: ","): parser.index += 1
            case UInt8(ascii: "}"):
                parser.index += 1
                done = true
            default: throw parser.error("expected ',' or '}', found \(parser.describeByte(at: parser.index))")
            }
        }
        parser.skipWhitespace()
        guard parser.index == line.count else {
            throw parser.error("unexpected \(parser.describeByte(at: parser.index)) after the event's object")
        }

        func missing(_ name: String) -> JSONError {
            JSONError(offset: 0, "the event has no \(name)")
        }
        guard let format else { throw missing("format") }
        guard format == EventLineEncoder.format else {
            throw JSONError(
                offset: 0,
                "the event is in store format \(format); this version of Disco reads format \(EventLineEncoder.format)"
            )
        }
        guard let position else { throw missing("position") }
        guard let stream else { throw missing("stream") }
        guard let version else { throw missing("version") }
        guard let commandID else { throw missing("command_id") }
        guard let commandEventIndex else { throw missing("command_event_index") }
        guard let commandEventCount else { throw missing("command_event_count") }
        guard position >= 1, version >= 1, commandEventCount >= 1, (0..<commandEventCount).contains(commandEventIndex)
        else {
            throw JSONError(
                offset: 0,
                "the event's numbers are out of range (position \(position), version \(version), event \(commandEventIndex) of \(commandEventCount) in its command)"
            )
        }
        var event: RecordedEvent?
        if full {
            guard let eventType else { throw missing("event_type") }
            guard let schemaVersion else { throw missing("schema_version") }
            guard let eventID else { throw missing("event_id") }
            guard let correlationID else { throw missing("correlation_id") }
            guard let recordedAt else { throw missing("recorded_at") }
            guard let payload else { throw missing("payload") }
            event = RecordedEvent(
                position: position,
                stream: stream,
                version: version,
                eventType: eventType,
                schemaVersion: schemaVersion,
                eventID: eventID,
                commandID: commandID,
                correlationID: correlationID,
                causationID: causationID,
                recordedAt: recordedAt,
                payload: payload,
                metadata: metadata ?? Params()
            )
        }
        return EventLine(
            format: format,
            position: position,
            stream: stream,
            version: version,
            commandID: commandID,
            commandEventIndex: commandEventIndex,
            commandEventCount: commandEventCount,
            event: event
        )
    }

    private static func field(
        of key: JSONParser.RawString,
        parser: JSONParser,
        at offset: Int
    ) throws(JSONError) -> Field? {
        if key.hasEscapes {
            let text = try parser.string(of: key, quoteOffset: offset)
            return Field.allCases.first { $0.key == text }
        }
        let count = key.range.count
        guard count >= 6 else { return nil }
        let first = parser.bytes[key.range.lowerBound]
        let last = parser.bytes[key.range.upperBound - 1]
        let candidate: Field? =
            switch (count, first, last) {
            case (6, UInt8(ascii: "f"), _): .format
            case (6, UInt8(ascii: "s"), _): .stream
            case (7, UInt8(ascii: "v"), _): .version
            case (7, UInt8(ascii: "p"), _): .payload
            case (8, UInt8(ascii: "p"), _): .position
            case (8, UInt8(ascii: "e"), _): .eventID
            case (8, UInt8(ascii: "m"), _): .metadata
            case (10, UInt8(ascii: "c"), _): .commandID
            case (10, UInt8(ascii: "e"), _): .eventType
            case (11, UInt8(ascii: "r"), _): .recordedAt
            case (12, UInt8(ascii: "c"), _): .causationID
            case (14, UInt8(ascii: "s"), _): .schemaVersion
            case (14, UInt8(ascii: "c"), _): .correlationID
            case (19, UInt8(ascii: "c"), UInt8(ascii: "x")): .commandEventIndex
            case (19, UInt8(ascii: "c"), UInt8(ascii: "t")): .commandEventCount
            default: nil
            }
        guard let candidate else { return nil }
        let matches = keyBytes[candidate.rawValue].withUnsafeBufferPointer { bytes in
            memcmp(bytes.baseAddress!, parser.bytes.baseAddress! + key.range.lowerBound, count) == 0
        }
        return matches ? candidate : nil
    }

    private static func integer(_ parser: inout JSONParser, _ name: String) throws(JSONError) -> Int {
        let offset = parser.index
        guard parser.index < parser.bytes.count,
            parser.bytes[parser.index] == UInt8(ascii: "-")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]),
            case .int(let int) = try parser.parseNumber()
        else {
            throw parser.error("\(name) must be an integer", at: offset)
        }
        return int
    }

    private static func rawString(_ parser: inout JSONParser, _ name: String) throws(JSONError) -> JSONParser.RawString
    {
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
            throw parser.error("\(name) must be a string")
        }
        return try parser.parseRawString()
    }

    private static func string(_ parser: inout JSONParser, _ name: String) throws(JSONError) -> String {
        let offset = parser.index
        let raw = try rawString(&parser, name)
        return try parser.string(of: raw, quoteOffset: offset)
    }

    private static func object(_ parser: inout JSONParser, _ name: String) throws(JSONError) -> Params {
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else {
            throw parser.error("\(name) must be an object")
        }
        return try parser.parseObject()
    }

    private static func uuid(_ parser: inout JSONParser, _ name: String) throws(JSONError) -> UUID {
        let offset = parser.index
        let raw = try rawString(&parser, name)
        if !raw.hasEscapes, let id = parseUUID(UnsafeBufferPointer(rebasing: parser.bytes[raw.range])) {
            return id
        }
        if raw.hasEscapes, let id = UUID(uuidString: try parser.string(of: raw, quoteOffset: offset)) {
            return id
        }
        throw parser.error("\(name) is not a UUID", at: offset)
    }

    private static func stream(_ parser: inout JSONParser) throws(JSONError) -> StreamID {
        let offset = parser.index
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else {
            throw parser.error("stream must be an object with aggregate and id")
        }
        parser.index += 1
        var aggregate: String?
        var id: UUID?
        while true {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.error("unexpected end of line inside stream") }
            if parser.bytes[parser.index] == UInt8(ascii: "}"), aggregate == nil, id == nil {
                break
            }
            let keyOffset = parser.index
            guard parser.bytes[parser.index] == UInt8(ascii: "\"") else {
                throw parser.error("expected a string key in stream, found \(parser.describeByte(at: parser.index))")
            }
            let key = try parser.string(of: parser.parseRawString(), quoteOffset: keyOffset)
            try parser.expectSeparator(UInt8(ascii: ":"), "after a key")
            parser.skipWhitespace()
            switch key {
            case "aggregate": aggregate = try string(&parser, "stream.aggregate")
            case "id": id = try uuid(&parser, "stream.id")
            default: try parser.skipValue()
            }
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.error("unexpected end of line inside stream") }
            if parser.bytes[parser.index] == UInt8(ascii: ",") {
                parser.index += 1
                continue
            }
            guard parser.bytes[parser.index] == UInt8(ascii: "}") else {
                throw parser.error("expected ',' or '}' in stream, found \(parser.describeByte(at: parser.index))")
            }
            break
        }
        parser.index += 1
        guard let aggregate, let id else { throw parser.error("stream must have aggregate and id", at: offset) }
        return StreamID(aggregate: aggregate, id: id)
    }

    /// A UUID from its 36-character text, any case.
    static func parseUUID(_ text: UnsafeBufferPointer<UInt8>) -> UUID? {
        UUID(utf8: text)
    }
}
