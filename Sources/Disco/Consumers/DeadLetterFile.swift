import Foundation

/// A file of events consumers gave up on: one JSON object per line, appended and flushed to
/// disk before the consumer moves on.
///
/// Each line holds `consumer`, `position`, `stream`, `version`, `event_type`, `event_id`,
/// `command_id`, `attempts`, `error` and `failed_at` (ISO 8601). The event itself stays in
/// the store; its position finds it there.
public actor DeadLetterFile {
    /// The file's location.
    public nonisolated let url: URL

    /// A dead-letter file at a location; it and its directory are created on first use.
    public init(url: URL) {
        self.url = url
    }

    /// Appends one event a consumer gave up on.
    /// - Throws: ``ConsumerError`` when the file cannot be written.
    public func record(_ event: RecordedEvent, consumer: String, attempts: Int, error: any Error) throws {
        let line: Params = [
            "consumer": .string(consumer),
            "position": .int(Int(event.position)),
            "stream": .string(event.stream.description),
            "version": .int(event.version),
            "event_type": .string(event.eventType),
            "event_id": .string(event.eventID.lowercasedText),
            "command_id": .string(event.commandID.lowercasedText),
            "attempts": .int(attempts),
            "error": .string("\(error)"),
            "failed_at": .string(ISO8601.string(from: Date())),
        ]
        do {
            let bytes = try JSON.encode(line) + [UInt8(ascii: "\n")]
            let manager = FileManager.default
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !manager.fileExists(atPath: url.path) { _ = manager.createFile(atPath: url.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
        } catch {
            throw ConsumerError("cannot append to the dead-letter file \(url.path): \(error)")
        }
    }

    /// Every line recorded so far, oldest first.
    /// - Throws: ``ConsumerError`` when the file cannot be read or a line is not a JSON object.
    public func entries() throws -> [Params] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            let data = try Data(contentsOf: url)
            return try data.split(separator: UInt8(ascii: "\n")).map { try JSON.decodeObject($0) }
        } catch {
            throw ConsumerError("cannot read the dead-letter file \(url.path): \(error)")
        }
    }
}
