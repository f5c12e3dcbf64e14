import Foundation
import Logging

/// The embedded event store: one JSON object per line in `events.jsonl`, in a folder of its
/// own. The format is documented in `Docs/StoreFormat.md`.
///
/// ```swift
/// let store = try await JSONLinesEventStore.open(directory: URL(filePath: "data/events"))
/// if let cut = store.recovery { print("recovered: \(cut)") }
/// let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
/// …
/// await store.close()
/// ```
///
/// - Writes: a command's events are appended atomically with an expected version; positions
///   are gapless and versions contiguous whatever the concurrency. An append is acknowledged
///   when the ``Durability`` policy says (after `fdatasync` by default); appends that arrive
///   together share one write and one sync (group commit).
/// - One writer: opening takes an advisory lock on the folder; a second open, in this
///   process or another, fails with kind `locked` and the holder's pid.
/// - Opening reads the file once and keeps only an index (the offset of each line and the
///   positions of each stream); reading a stream seeks to its lines. Closing saves the index
///   in `index.checkpoint`, and the next open reads it instead of the file when the file has
///   not changed since (``indexSource``).
/// - Crashes: a crash while writing can leave the first lines of a command, or a partial
///   line, at the end of the file (a torn tail). Opening cuts it, saves the cut bytes next to
///   the file, logs a warning and reports it in ``recovery``. A damaged line anywhere else
///   stops the open with its line number, and nothing is changed.
///
/// The store is a class rather than an actor so that reads run in parallel with each other
/// and with the writer; its state is behind a lock.
public final class JSONLinesEventStore: EventStore, StreamListing, CommandListing, ImportableEventStore {
    /// The store's folder.
    public let directory: URL
    /// When appends are acknowledged relative to the disk.
    public let durability: Durability
    /// The torn tail that opening cut from the end of the file; `nil` when the file ended
    /// with a complete command.
    public let recovery: TornTail?
    /// The store's snapshots, in `snapshots.jsonl` beside the events. Give them to an
    /// orchestrator with ``OrchestratorOptions/snapshots`` to load long streams from their
    /// latest snapshot.
    public let snapshots: JSONLinesSnapshotStore

    /// Whether opening read the index saved by the last close or scanned every line.
    public let indexSource: IndexSource

    /// Where an open store's index came from.
    public enum IndexSource: Sendable, Hashable {
        /// Every line of `events.jsonl` was read and checked: the first open, and the open
        /// after a crash or any change to the file.
        case scan
        /// The index the last close saved in `index.checkpoint`, which matched the file
        /// exactly; no line was read.
        case checkpoint
    }

    private let core: StoreCore

    /// The name of the event file in the store folder.
    public static let eventsFileName = "events.jsonl"

    private init(
        directory: URL,
        durability: Durability,
        recovery: TornTail?,
        indexSource: IndexSource,
        snapshots: JSONLinesSnapshotStore,
        core: StoreCore
    ) {
        self.directory = directory
        self.indexSource = indexSource
        self.durability = durability
        self.recovery = recovery
        self.snapshots = snapshots
        self.core = core
    }

    deinit {
        core.shutdown()
    }

    /// Opens the store in a folder, creating the folder and an empty store when there is none.
    ///
    /// - Parameters:
    ///   - directory: The store's folder.
    ///   - durability: When appends are acknowledged; `.fsync` by default.
    ///   - logger: Where a recovered torn tail is reported, as a warning.
    /// - Throws: ``EventStoreError``: `locked` when another open store holds the folder (the
    ///   message names its pid), `corrupted` when a line before the end of the file is damaged
    ///   (the message names the line; nothing is changed), `io` when the files cannot be used.
    public static func open(
        directory: URL,
        durability: Durability = .fsync,
        logger: Logger = Logger(label: "disco.store.jsonl")
    ) async throws -> JSONLinesEventStore {
        let opened = try openFiles(directory: directory, logger: logger)
        let snapshots: JSONLinesSnapshotStore
        do {
            snapshots = try JSONLinesSnapshotStore.open(directory: directory, logger: logger)
        } catch {
            opened.lock.file.unlock()
            throw error
        }
        let core = StoreCore(
            file: opened.file,
            lock: opened.lock,
            index: opened.scan.index,
            endOffset: opened.endOffset,
            durability: durability,
            checkpointPath: directory.appendingPathComponent(IndexCheckpoint.fileName).path
        )
        core.startWriter()
        return JSONLinesEventStore(
            directory: directory,
            durability: durability,
            recovery: opened.tornTail,
            indexSource: opened.indexSource,
            snapshots: snapshots,
            core: core
        )
    }

    /// Checks a store folder without changing it: every line is decoded in full.
    ///
    /// Takes the folder's lock while it reads, so it fails with `locked` while a store has the
    /// folder open.
    /// - Returns: What the file holds, and the torn tail opening would cut.
    /// - Throws: ``EventStoreError``: `corrupted` naming the first damaged line, `locked`, `io`.
    public static func verify(directory: URL) async throws -> Verification {
        let lock = try StoreLock.acquire(directory: directory.path)
        defer { lock.file.unlock() }
        let path = directory.appendingPathComponent(eventsFileName).path
        guard FileManager.default.fileExists(atPath: path) else {
            return Verification(eventCount: 0, streamCount: 0, lineCount: 0, byteCount: 0, tornTail: nil)
        }
        let file = try StoreFile.openForReading(path)
        let scan = try StoreScanner.scan(file, full: true)
        return Verification(
            eventCount: scan.index.head,
            streamCount: scan.streamCount,
            lineCount: scan.lineCount,
            byteCount: scan.fileSize,
            tornTail: scan.tornTail
        )
    }

    /// Cuts a torn tail from a store folder, as opening does, and nothing else.
    /// - Returns: What was cut (and where the cut bytes were saved); `nil` when the file was clean.
    /// - Throws: ``EventStoreError``: `corrupted` when the damage is not a torn tail (repair
    ///   never touches the middle of the file), `locked`, `io`.
    @discardableResult
    public static func repair(
        directory: URL,
        logger: Logger = Logger(label: "disco.store.jsonl")
    ) async throws -> TornTail? {
        let opened = try openFiles(directory: directory, logger: logger)
        opened.lock.file.unlock()
        return opened.tornTail
    }

    private struct OpenedFiles {
        var lock: StoreLock
        var file: StoreFile
        var scan: StoreScan
        var tornTail: TornTail?
        var endOffset: Int64
        var indexSource: IndexSource = .scan
    }

    private static func openFiles(directory: URL, logger: Logger) throws -> OpenedFiles {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EventStoreError(
                .io,
                "creating the store folder \(directory.path) failed: \(error.localizedDescription)"
            )
        }
        let lock = try StoreLock.acquire(directory: directory.path)
        do {
            let path = directory.appendingPathComponent(eventsFileName).path
            let existed = FileManager.default.fileExists(atPath: path)
            let file = try StoreFile.open(path, create: true)
            if !existed { try StoreFile.syncDirectory(directory.path) }
            let checkpoint = directory.appendingPathComponent(IndexCheckpoint.fileName).path
            // What a process that stopped while writing a checkpoint left behind.
            _ = unlink(checkpoint + IndexCheckpoint.temporarySuffix)
            if existed, let index = IndexCheckpoint.read(from: checkpoint, for: file) {
                // Used once: a crash before the next clean close must not find it again.
                _ = unlink(checkpoint)
                let scan = StoreScan(index: index, fileSize: index.endOffset, lineCount: Int(index.head), tornTail: nil)
                return OpenedFiles(
                    lock: lock,
                    file: file,
                    scan: scan,
                    tornTail: nil,
                    endOffset: index.endOffset,
                    indexSource: .checkpoint
                )
            }
            let scan = try StoreScanner.scan(file)
            guard let torn = scan.tornTail else {
                return OpenedFiles(lock: lock, file: file, scan: scan, tornTail: nil, endOffset: scan.fileSize)
            }
            let saved = try saveTornTail(torn, of: file, in: directory)
            try file.truncate(to: torn.offset)
            try file.sync()
            let report = TornTail(
                offset: torn.offset,
                byteCount: torn.byteCount,
                lineNumber: torn.lineNumber,
                completeLineCount: torn.completeLineCount,
                endsWithPartialLine: torn.endsWithPartialLine,
                commandID: torn.commandID,
                savedTo: saved
            )
            logger.warning(
                "event store recovered from a crash while writing: cut a torn tail",
                metadata: [
                    "store": "\(directory.path)",
                    "line": "\(torn.lineNumber)",
                    "offset": "\(torn.offset)",
                    "bytes": "\(torn.byteCount)",
                    "saved_to": "\(saved.path)",
                    "command_id": "\(torn.commandID.map { $0.lowercasedText } ?? "unknown")",
                ]
            )
            return OpenedFiles(lock: lock, file: file, scan: scan, tornTail: report, endOffset: torn.offset)
        } catch {
            lock.file.unlock()
            throw error
        }
    }

    /// Copies the torn bytes to `torn-tail-<unix ms>-line-<n>.jsonl` in the folder, synced.
    private static func saveTornTail(_ torn: TornTail, of file: StoreFile, in directory: URL) throws -> URL {
        let bytes = try file.read(offset: torn.offset, count: Int(torn.byteCount))
        let millis = UTCTimestamp.milliseconds(of: Date())
        let url = directory.appendingPathComponent("torn-tail-\(millis)-line-\(torn.lineNumber).jsonl")
        let copy = try StoreFile.open(url.path, create: true)
        try copy.truncate(to: 0)
        try copy.append(bytes)
        try copy.sync()
        try StoreFile.syncDirectory(directory.path)
        return url
    }

    // MARK: EventStore

    /// Appends one command's events atomically; returns once they are durable as ``durability`` says.
    public func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent] {
        try await core.append(events, to: stream, expectedVersion: expectedVersion)
    }

    /// Records events from another store with their envelopes (positions, versions, ids and
    /// times, the times to the millisecond as the format keeps them), in one write, for
    /// ``EventStoreCopier``.
    /// - Throws: ``EventStoreError`` of kind `wrongExpectedVersion` when the positions do not
    ///   continue the store's head or a stream's versions do not continue it.
    public func importEvents(_ events: [RecordedEvent]) async throws {
        try await core.importEvents(events)
    }

    /// The command, stream and version of every event after a position, from the index.
    public func commands(after position: Int64) async throws -> [RecordedCommand] {
        try core.commands(after: position)
    }

    /// Every stream, in the order of their first events, from the index.
    public func streams() async throws -> [StreamSummary] {
        try core.streams()
    }

    /// The acknowledged events of one stream after a version, read by seeking to their lines.
    public func read(stream: StreamID, after version: Int) async throws -> [RecordedEvent] {
        try core.read(stream: stream, after: version)
    }

    /// Up to `limit` acknowledged events after a position, read with one contiguous read.
    public func readAll(after position: Int64, limit: Int) async throws -> [RecordedEvent] {
        try core.readAll(after: position, limit: limit)
    }

    /// The position of the last acknowledged event.
    public func headPosition() async throws -> Int64 {
        try core.headPosition()
    }

    /// Follows the store, woken by the writer as each batch is acknowledged.
    public func subscribe(after position: Int64) -> EventSubscription {
        let signal = core.signal
        return EventSubscription(store: self, after: position) { after in
            try await signal.wait(after: after)
        }
    }

    /// Stops accepting appends, waits for those already queued to be written, and releases
    /// the folder's lock. Reads, appends and subscriptions fail with `closed` afterwards.
    public func close() async {
        await core.close()
    }
}
