import Foundation
import Testing

@testable import Disco

/// The inputs that fuzzing the store's reader is seeded with (`Tests/Fuzz/Seeds`) and every
/// input it ever found a problem with (`Tests/Fixtures/Fuzz`), run through the same checks as
/// the fuzz targets (`Tests/Fuzz/Sources`): nothing crashes, what decodes writes back stably,
/// and opening and verifying agree on a file.
@Suite("Hostile store files: fuzzing's seeds and findings")
struct FuzzRegressionTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    private static func inputs(_ kind: String) -> [String] {
        ["Fuzz/Seeds/\(kind)", "Fixtures/Fuzz/\(kind)"].flatMap { folder in
            let directory = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    private static func bytes(_ input: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appending(path: input)))
    }

    private static func decode(_ line: [UInt8], full: Bool) -> Result<EventLine, JSONError> {
        line.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONError) in try EventLineDecoder.decode(buffer, full: full) }
        }
    }

    private static func encode(_ event: RecordedEvent) throws -> [UInt8] {
        let pieces = try EventLineEncoder.pieces(of: [ProposedEvent(recorded: event)], stream: event.stream)
        var line: [UInt8] = []
        EventLineEncoder.appendLine(
            try #require(pieces.first), position: event.position, version: event.version,
            recordedAt: event.recordedAt, into: &line)
        line.removeLast()
        return line
    }

    @Test("a line decodes or is refused, and what decodes is written back stably", arguments: inputs("line"))
    func line(_ input: String) throws {
        let line = try Self.bytes(input)
        let header = Self.decode(line, full: false)
        guard case .success(let full) = Self.decode(line, full: true), let event = full.event else { return }
        let decodedHeader = try header.get()
        #expect(decodedHeader.position == full.position)
        #expect(decodedHeader.stream == full.stream)
        #expect(decodedHeader.version == full.version)
        let written = try Self.encode(event)
        let again = try #require(try Self.decode(written, full: true).get().event)
        #expect(again.payload == event.payload)
        #expect(again.metadata == event.metadata)
        #expect(try Self.encode(again) == written)
    }

    @Test("a file scans or is refused as corrupt, alike for opening and verifying", arguments: inputs("scan"))
    func scan(_ input: String) throws {
        let folder = try TemporaryFolder()
        let file = try StoreFile.open(folder.url.appending(path: "events.jsonl").path, create: true)
        try file.replaceContent(with: try Self.bytes(input))
        let opening = Result { () throws(EventStoreError) in try StoreScanner.scan(file, full: false) }
        let verifying = Result { () throws(EventStoreError) in try StoreScanner.scan(file, full: true) }
        switch (opening, verifying) {
        case (.success(let opened), .success(let verified)):
            #expect(opened.index.head == verified.index.head)
            #expect(opened.index.endOffset == verified.index.endOffset)
            #expect(opened.tornTail == verified.tornTail)
        case (.failure(let refused), _), (_, .failure(let refused)):
            #expect(refused.kind == .corrupted, "refused with \(refused)")
        }
    }

    @Test("the seeds are what they say: escapes and nesting decode, a torn tail is found")
    func seeds() throws {
        let nested = try Self.bytes("Fuzz/Seeds/line/nested-unicode-reordered.jsonl")
        let event = try #require(try Self.decode(nested, full: true).get().event)
        #expect(event.payload["note"] == "café \"quoted\" \\ \n tab\t")
        #expect(event.causationID == nil)

        let folder = try TemporaryFolder()
        let file = try StoreFile.open(folder.url.appending(path: "events.jsonl").path, create: true)
        try file.replaceContent(with: try Self.bytes("Fuzz/Seeds/scan/torn-tail.jsonl"))
        let torn = try StoreScanner.scan(file)
        #expect(torn.index.head == 1)
        #expect(torn.tornTail != nil)

        try file.replaceContent(with: try Self.bytes("Fuzz/Seeds/scan/two-event-command.jsonl"))
        let command = try StoreScanner.scan(file, full: true)
        #expect(command.index.head == 2)
        #expect(command.tornTail == nil)
    }
}
