import Foundation
import Synchronization

/// A JSON-lines store opened read-only: what a person's tool uses to look into a store that
/// an application may be writing at that very moment.
///
/// ```swift
/// let reader = try JSONLinesStoreReader.open(directory: URL(filePath: "data/events"))
/// for event in try await reader.readAll(after: 0, limit: 100) { print(event.eventType) }
/// ```
///
/// - It takes no lock and writes nothing: the writer, if any, is not disturbed, and a writer
///   that starts meanwhile opens the store as usual.
/// - It sees a consistent prefix: the complete commands of `events.jsonl`. What follows them
///   (the first lines of a command being written, a line without its line feed yet, or the
///   torn tail a crash left) is not shown; ``pendingByteCount`` says how much there is.
/// - It follows the file: each read that asks beyond the known head, and ``refresh()``,
///   scan only the bytes appended since, so ``subscribe(after:)`` sees new events as the
///   writer records them (by polling).
/// - After a clean close it starts from the index the writer saved (`index.checkpoint`),
///   without reading the file and without removing the checkpoint.
///
/// ``append(_:to:expectedVersion:)`` and ``importEvents(_:)`` are refused.
public final class JSONLinesStoreReader: StreamListing, CommandListing, Sendable {
    /// The store's folder.
    public let directory: URL
    /// Whether opening read the writer's saved index or scanned every line.
    public let indexSource: JSONLinesEventStore.IndexSource

    private let file: StoreFile
    private let state: Mutex<StoreScan>

    private init(directory: URL, file: StoreFile, scan: StoreScan, indexSource: JSONLinesEventStore.IndexSource) {
        self.directory = directory
        self.file = file
        self.state = Mutex(scan)
        self.indexSource = indexSource
    }

    /// Opens a store folder for reading.
    /// - Parameters:
    ///   - directory: The store's folder; it must hold `events.jsonl`.
    ///   - progress: Called while the file is scanned with the bytes read so far and the
    ///     file's size (not called when the saved index is used).
    /// - Throws: ``EventStoreError``: `io` when the folder does not exist or holds no store,
    ///   `corrupted` when a line before the end of the file is damaged (naming the line).
    public static func open(
        directory: URL,
        progress: (@Sendable (_ bytesRead: Int64, _ fileSize: Int64) -> Void)? = nil
    ) throws(EventStoreError) -> JSONLinesStoreReader {
        let file = try eventsFile(in: directory)
        let checkpoint = directory.appendingPathComponent(IndexCheckpoint.fileName).path
        if let index = IndexCheckpoint.read(from: checkpoint, for: file) {
            let scan = StoreScan(
                index: index,
                fileSize: index.endOffset,
                lineCount: Int(index.head),
                tornTail: nil,
                indexedLineCount: Int(index.head)
            )
            return JSONLinesStoreReader(directory: directory, file: file, scan: scan, indexSource: .checkpoint)
        }
        let size = try file.size()
        let scan = try StoreScanner.scan(file, progress: progress.map { report in { report($0, size) } })
        return JSONLinesStoreReader(directory: directory, file: file, scan: scan, indexSource: .scan)
    }

    /// Checks a store folder without taking its lock, so also while a writer has it open:
    /// every complete line is decoded in full.
    /// - Parameter progress: Called after each chunk with the bytes read and the file's size.
    /// - Returns: What the file holds; its ``JSONLinesEventStore/Verification/tornTail`` is
    ///   what follows the last complete command (while a writer holds the store, possibly a
    ///   command being written rather than a torn tail).
    /// - Throws: ``EventStoreError``: `corrupted` naming the first damaged line, `io`.
    public static func verify(
        directory: URL,
        progress: (@Sendable (_ bytesRead: Int64, _ fileSize: Int64) -> Void)? = nil
    ) throws(EventStoreError) -> JSONLinesEventStore.Verification {
        let file = try eventsFile(in: directory)
        let size = try file.size()
        let scan = try StoreScanner.scan(file, full: true, progress: progress.map { report in { report($0, size) } })
        return JSONLinesEventStore.Verification(
            eventCount: scan.index.head,
            streamCount: scan.streamCount,
            lineCount: scan.lineCount,
            byteCount: scan.fileSize,
            tornTail: scan.tornTail
        )
    }

    /// Opens `events.jsonl` of a store folder read-only.
    private static func eventsFile(in directory: URL) throws(EventStoreError) -> StoreFile {
        let path = directory.appendingPathComponent(JSONLinesEventStore.eventsFileName).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw EventStoreError(.io, "\(directory.path) does not exist")
        }
        guard isDirectory.boolValue, FileManager.default.fileExists(atPath: path) else {
            throw EventStoreError(
                .io,
                "\(directory.path) is not an event store: it has no \(JSONLinesEventStore.eventsFileName)"
            )
        }
        return try StoreFile.openForReading(path)
    }

    /// Reads what was appended to the file since the last look.
    /// - Returns: The position of the last complete command's last event.
    /// - Throws: ``EventStoreError`` of kind `corrupted` when the new lines are damaged.
    @discardableResult
    public func refresh() throws(EventStoreError) -> Int64 {
        let size = try file.size()
        let known = state.withLock { $0 }
        if size == known.fileSize { return known.index.head }
        // A file shorter than what was read was cut (a torn tail repaired): read it again.
        let scan = try StoreScanner.scan(file, continuing: size < known.index.endOffset ? nil : known)
        state.withLock { $0 = scan }
        return scan.index.head
    }

    /// How many bytes follow the last complete command: a command being written, or a torn
    /// tail that the next writer's open will cut.
    public var pendingByteCount: Int64 {
        state.withLock { Swift.max(0, $0.fileSize - $0.index.endOffset) }
    }

    /// The size of `events.jsonl` when it was last read.
    public var fileSize: Int64 {
        state.withLock { $0.fileSize }
    }

    /// The pid of the process that holds the store for writing, found without touching the
    /// lock; `nil` when none does, `0` when one does but its pid is unknown.
    public var writerProcess: Int32? {
        Self.writerProcess(of: directory)
    }

    /// The pid of the process that holds a store folder for writing, as ``writerProcess``.
    public static func writerProcess(of directory: URL) -> Int32? {
        StoreLock.holder(directory: directory.path)
    }

    // MARK: EventStore

    /// Refused: a reader never writes.
    public func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent] {
        throw EventStoreError(.io, "the store in \(directory.path) was opened read-only")
    }

    /// The events of one stream after a version, among the complete commands read so far.
    public func read(stream: StreamID, after version: Int) async throws -> [RecordedEvent] {
        try refresh()
        let runs = state.withLock { $0.index.runs(of: stream, after: version, upTo: $0.index.head) }
        var events: [RecordedEvent] = []
        for (range, first, last) in runs {
            events.append(contentsOf: try StoreCore.decodeRun(file, range, first: first, last: last, stream: stream))
        }
        return events
    }

    /// Up to `limit` events after a position; reads new lines first when asked past the head.
    public func readAll(after position: Int64, limit: Int) async throws -> [RecordedEvent] {
        guard let (range, first, last) = try run(after: position, limit: limit) else { return [] }
        return try StoreCore.decodeRun(file, range, first: first, last: last, stream: nil)
    }

    /// Up to `limit` events after a position, each handed to `visit` with its line as it is in
    /// `events.jsonl` (without the newline): for tools that pass lines on, such as
    /// `disco events --json`, without encoding them again. Reads new lines first when asked
    /// past the head.
    /// - Returns: The position of the last event visited; `position` when there was none.
    public func visitLines(
        after position: Int64,
        limit: Int,
        _ visit: (RecordedEvent, UnsafeBufferPointer<UInt8>) -> Void
    ) throws -> Int64 {
        guard let (range, first, last) = try run(after: position, limit: limit) else { return position }
        try StoreCore.visitRun(file, range, first: first, last: last, stream: nil, visit)
        return last
    }

    /// The bytes and positions of up to `limit` events after a position; reads new lines
    /// first when asked past the head.
    private func run(after position: Int64, limit: Int) throws -> (Range<Int64>, first: Int64, last: Int64)? {
        var head = state.withLock { $0.index.head }
        if limit > 0, Int64(limit) > head - position { head = try refresh() }
        let plan = state.withLock { scan -> (Range<Int64>, Int64, Int64)? in
            let after = Swift.max(position, 0)
            guard after < head, limit > 0 else { return nil }
            let last = Int64(limit) >= head - after ? head : after + Int64(limit)
            return (scan.index.byteRange(from: after + 1, through: last), after + 1, last)
        }
        return plan
    }

    /// The position of the last event of the complete commands, after reading new lines.
    public func headPosition() async throws -> Int64 {
        try refresh()
    }

    /// Every stream, in the order of their first events.
    public func streams() async throws -> [StreamSummary] {
        try refresh()
        return state.withLock { $0.index.summaries(upTo: $0.index.head) }
    }

    /// The command, stream and version of every event after a position.
    public func commands(after position: Int64) async throws -> [RecordedCommand] {
        try refresh()
        return state.withLock { $0.index.commands(after: position, upTo: $0.index.head) }
    }
}
