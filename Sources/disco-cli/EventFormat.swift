import Disco
import Foundation

/// How `events` and `tail` print an event: one readable line, or one JSON object with the
/// store format's field names (`Docs/StoreFormat.md`).
enum EventFormat {
    /// `42  2026-12-02T06:45:00.123Z  Wallet/<id>  v3  money_deposited  {"amount":1}`.
    static func appendReadable(_ event: RecordedEvent, into output: inout [UInt8]) {
        output.append(contentsOf: String(event.position).utf8)
        output.append(contentsOf: "  ".utf8)
        appendTimestamp(event.recordedAt, into: &output)
        output.append(contentsOf: "  ".utf8)
        output.append(contentsOf: event.stream.aggregate.utf8)
        output.append(UInt8(ascii: "/"))
        appendUUID(event.stream.id, into: &output)
        output.append(contentsOf: "  v".utf8)
        output.append(contentsOf: String(event.version).utf8)
        output.append(contentsOf: "  ".utf8)
        output.append(contentsOf: event.eventType.utf8)
        if event.schemaVersion != 1 {
            output.append(contentsOf: "@v".utf8)
            output.append(contentsOf: String(event.schemaVersion).utf8)
        }
        output.append(contentsOf: "  ".utf8)
        output.append(contentsOf: (try? JSON.encode(event.payload)) ?? Array("{}".utf8))
        output.append(0x0A)
    }

    /// An event's line of `events.jsonl` as `--json` prints it: the line without its leading
    /// `"format"` member and without the members that place it in a command of several events
    /// (`command_event_index`, `command_event_count`), which is the object
    /// ``appendJSON(_:into:)`` writes, since the store writes the members in that order. A line
    /// in another shape is encoded again.
    static func appendJSON(line: UnsafeBufferPointer<UInt8>, of event: RecordedEvent, into output: inout [UInt8]) {
        guard line.count > formatPrefix.count, line.prefix(formatPrefix.count).elementsEqual(formatPrefix) else {
            appendJSON(event, into: &output)
            return
        }
        let rest = UnsafeBufferPointer(rebasing: line[formatPrefix.count...])
        // The envelope's `correlation_id` precedes the payload, so a payload member of the
        // same name as a command member is never mistaken for it.
        guard let correlation = offset(of: correlationID, in: rest) else {
            appendJSON(event, into: &output)
            return
        }
        output.append(UInt8(ascii: "{"))
        if let start = offset(of: commandEventIndex, in: rest), start < correlation {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<start]))
            output.append(contentsOf: UnsafeBufferPointer(rebasing: rest[correlation...]))
        } else {
            output.append(contentsOf: rest)
        }
        output.append(UInt8(ascii: "\n"))
    }

    /// How the store begins every line of its current format.
    private static let formatPrefix = Array(#"{"format":1,"#.utf8)
    private static let commandEventIndex = Array(#","command_event_index":"#.utf8)
    private static let correlationID = Array(#","correlation_id":"#.utf8)

    /// Where `pattern`, which begins with a comma, first occurs in `bytes`: from comma to
    /// comma with `memchr`, since the envelope has a dozen.
    private static func offset(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return nil }
        return pattern.withUnsafeBufferPointer { needle -> Int? in
            guard let needleBase = needle.baseAddress, let first = needle.first else { return nil }
            var index = 0
            let end = bytes.count - needle.count
            while index <= end {
                guard let found = memchr(base + index, Int32(first), end - index + 1) else { return nil }
                index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + index, needleBase, needle.count) == 0 { return index }
                index += 1
            }
            return nil
        }
    }

    /// `{"position":42,"stream":{"aggregate":"Wallet","id":"…"},"version":3,"recorded_at":"…",
    /// "event_type":"…","schema_version":1,"event_id":"…","command_id":"…",
    /// "correlation_id":"…","causation_id":null,"payload":{…},"metadata":{…}}`.
    static func appendJSON(_ event: RecordedEvent, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"position":"#.utf8)
        output.append(contentsOf: String(event.position).utf8)
        output.append(contentsOf: #","stream":{"aggregate":"#.utf8)
        appendString(event.stream.aggregate, into: &output)
        output.append(contentsOf: #","id":""#.utf8)
        appendUUID(event.stream.id, into: &output)
        output.append(contentsOf: #""},"version":"#.utf8)
        output.append(contentsOf: String(event.version).utf8)
        output.append(contentsOf: #","recorded_at":""#.utf8)
        appendTimestamp(event.recordedAt, into: &output)
        output.append(contentsOf: #"","event_type":"#.utf8)
        appendString(event.eventType, into: &output)
        output.append(contentsOf: #","schema_version":"#.utf8)
        output.append(contentsOf: String(event.schemaVersion).utf8)
        output.append(contentsOf: #","event_id":""#.utf8)
        appendUUID(event.eventID, into: &output)
        output.append(contentsOf: #"","command_id":""#.utf8)
        appendUUID(event.commandID, into: &output)
        output.append(contentsOf: #"","correlation_id":""#.utf8)
        appendUUID(event.correlationID, into: &output)
        if let causation = event.causationID {
            output.append(contentsOf: #"","causation_id":""#.utf8)
            appendUUID(causation, into: &output)
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: #"","causation_id":null"#.utf8)
        }
        output.append(contentsOf: #","payload":"#.utf8)
        output.append(contentsOf: (try? JSON.encode(event.payload)) ?? Array("{}".utf8))
        output.append(contentsOf: #","metadata":"#.utf8)
        output.append(contentsOf: (try? JSON.encode(event.metadata)) ?? Array("{}".utf8))
        output.append(contentsOf: "}\n".utf8)
    }

    /// A JSON string.
    private static func appendString(_ text: String, into output: inout [UInt8]) {
        output.append(contentsOf: (try? JSON.encode(Value.string(text))) ?? Array(#""""#.utf8))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A lowercase UUID, unquoted.
    static func appendUUID(_ id: UUID, into output: inout [UInt8]) {
        withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { output.append(UInt8(ascii: "-")) }
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// `2026-12-02T06:45:00.123Z`, in UTC, to the millisecond (as the stores keep times).
    static func appendTimestamp(_ date: Date, into output: inout [UInt8]) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1_000).rounded(.down))
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        // Days to civil date (H. Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        appendDigits(year, 4, into: &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(month, 2, into: &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(day, 2, into: &output)
        output.append(UInt8(ascii: "T"))
        appendDigits(inDay / 3_600_000, 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(inDay / 60_000 % 60, 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(inDay / 1_000 % 60, 2, into: &output)
        output.append(UInt8(ascii: "."))
        appendDigits(inDay % 1_000, 3, into: &output)
        output.append(UInt8(ascii: "Z"))
    }

    /// A timestamp as text.
    static func timestamp(_ date: Date) -> String {
        var bytes: [UInt8] = []
        appendTimestamp(date, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendDigits(_ value: Int64, _ count: Int, into output: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: count)
        var rest = value.magnitude
        var index = count - 1
        while index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        output.append(contentsOf: digits)
    }
}
