import ArgumentParser
import Disco
import Foundation

/// Which events `events` prints: `--stream`, `--after`, `--type`, `--since`, `--limit`.
struct EventSelection: ParsableArguments {
    @Option(help: "Only this stream: AGGREGATE/ID, as `disco streams` prints it.")
    var stream: String?

    @Option(help: "Only events after this position.")
    var after: Int64 = 0

    @Option(help: "Only events of these types (comma-separated).")
    var type: String?

    @Option(
        help:
            "Only events recorded at or after this time: 2026-12-02, 2026-12-02T06:45:00Z, or ago as 30s, 15m, 2h, 7d."
    )
    var since: String?

    @Option(help: "At most this many events.")
    var limit: Int?

    @Flag(help: "One JSON object a line, with the store format's field names.")
    var json = false

    func validate() throws {
        if after < 0 { throw ValidationError("--after must be a position, 0 or more.") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more.") }
    }

    /// The stream `--stream` names.
    func streamID() throws -> StreamID? {
        guard let stream else { return nil }
        return try Self.parseStream(stream)
    }

    /// `Wallet/<uuid>` (or `Wallet-<uuid>`, as the stores write it).
    static func parseStream(_ text: String) throws -> StreamID {
        let separator: String.Index?
        if let slash = text.lastIndex(of: "/") {
            separator = slash
        } else if text.count > 37, text[text.index(text.endIndex, offsetBy: -37)] == "-" {
            separator = text.index(text.endIndex, offsetBy: -37)
        } else {
            separator = nil
        }
        guard let separator, separator > text.startIndex,
            let id = UUID(uuidString: String(text[text.index(after: separator)...]))
        else {
            throw ToolError.usage("'\(text)' is not a stream: write AGGREGATE/ID, as `disco streams` prints it")
        }
        return StreamID(aggregate: String(text[..<separator]), id: id)
    }

    /// The types `--type` names.
    var types: Set<String>? {
        type.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    }

    /// The time `--since` names.
    func sinceDate(now: Date = Date()) throws -> Date? {
        guard let since else { return nil }
        return try Self.parseTime(since, now: now)
    }

    /// An ISO 8601 time or date (UTC), or a duration ago (`30s`, `15m`, `2h`, `7d`).
    static func parseTime(_ text: String, now: Date) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount >= 0 {
            let seconds: Double? =
                switch unit {
                case "s": amount
                case "m": amount * 60
                case "h": amount * 3_600
                case "d": amount * 86_400
                default: nil
                }
            if let seconds { return now.addingTimeInterval(-seconds) }
        }
        if let date = ISO8601.date(from: trimmed) { return date }
        if let date = ISO8601.date(from: trimmed + "T00:00:00Z") { return date }
        if let date = ISO8601.date(from: trimmed + "Z") { return date }
        throw ToolError.usage(
            "--since '\(text)' is not a time: write 2026-12-02, 2026-12-02T06:45:00Z, or how long ago as 30s, 15m, 2h or 7d"
        )
    }
}
