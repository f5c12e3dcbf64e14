import Foundation
import Logging
import Synchronization

/// The snapshots of a ``JSONLinesEventStore``: one JSON object per line in `snapshots.jsonl`,
/// in the store's folder, the latest line of a stream winning.
///
/// Snapshots are a cache of what the events say, so this file is written without `fsync` and
/// read leniently: a line that cannot be read (cut by a crash, or damaged) is skipped with a
/// warning, and the aggregate is rebuilt from more events. Opening rewrites the file with
/// only the latest snapshot of each stream when most of its lines are superseded. The
/// format is in `Docs/StoreFormat.md`.
public final class JSONLinesSnapshotStore: SnapshotStore {
    /// The name of the snapshot file in the store folder.
    public static let fileName = "snapshots.jsonl"

    /// Where a stream's latest snapshot line is.
    private struct Entry {
        var offset: Int64
        var length: Int
        var version: Int
    }

    private struct State {
        var entries: [StreamID: Entry] = [:]
        var end: Int64 = 0
    }

    private let file: StoreFile
    private let state: Mutex<State>

    /// How many lines opening skipped because they could not be read.
    public let skippedLineCount: Int

    private init(file: StoreFile, entries: [StreamID: Entry], end: Int64, skipped: Int) {
        self.file = file
        self.state = Mutex(State(entries: entries, end: end))
        self.skippedLineCount = skipped
    }

    /// Opens the snapshot file of a store folder whose lock the caller holds.
    static func open(directory: URL, logger: Logger) throws(EventStoreError) -> JSONLinesSnapshotStore {
        let path = directory.appendingPathComponent(fileName).path
        var file = try StoreFile.open(path, create: true)
        var bytes = try file.read(offset: 0, count: Int(try file.size()))
        // A last line without its line feed was cut by a crash: cut it, so that the next
        // snapshot starts a line of its own.
        let complete = (bytes.lastIndex(of: 0x0A) ?? -1) + 1
        if complete < bytes.count {
            try file.truncate(to: Int64(complete))
        }
        var (entries, lineCount, skipped) = index(bytes)
        bytes.removeSubrange(complete...)
        if skipped > 0 {
            logger.warning(
                "skipped snapshot lines that cannot be read; those aggregates replay more events",
                metadata: ["file": "\(path)", "skipped": "\(skipped)"]
            )
        }
        if lineCount > 64 && lineCount > 2 * entries.count {
            var compacted: [UInt8] = []
            var moved: [StreamID: Entry] = [:]
            for (stream, entry) in entries.sorted(by: { $0.value.offset < $1.value.offset }) {
                moved[stream] = Entry(offset: Int64(compacted.count), length: entry.length, version: entry.version)
                compacted += bytes[Int(entry.offset)..<(Int(entry.offset) + entry.length)]
            }
            let temporary = directory.appendingPathComponent(fileName + ".compacting").path
            let copy = try StoreFile.open(temporary, create: true)
            try copy.truncate(to: 0)
            try copy.append(compacted)
            try copy.sync()
            guard rename(temporary, path) == 0 else { throw StoreFile.failure("renaming to", path) }
            try StoreFile.syncDirectory(directory.path)
            file = try StoreFile.open(path, create: false)
            bytes = compacted
            entries = moved
        }
        return JSONLinesSnapshotStore(file: file, entries: entries, end: Int64(bytes.count), skipped: skipped)
    }

    /// The latest readable line of each stream, the number of lines, and the unreadable ones.
    private static func index(_ bytes: [UInt8]) -> ([StreamID: Entry], lines: Int, skipped: Int) {
        var entries: [StreamID: Entry] = [:]
        var lines = 0
        var skipped = 0
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lines += 1
            if end < bytes.count, let snapshot = try? decode(bytes[start..<end]) {
                let entry = Entry(offset: Int64(start), length: end + 1 - start, version: snapshot.version)
                if entry.version >= entries[snapshot.stream]?.version ?? 0 {
                    entries[snapshot.stream] = entry
                }
            } else {
                skipped += 1
            }
            start = end + 1
        }
        return (entries, lines, skipped)
    }

    public func snapshot(of stream: StreamID) throws -> Snapshot? {
        guard let entry = state.withLock({ $0.entries[stream] }) else { return nil }
        let bytes = try file.read(offset: entry.offset, count: entry.length - 1)
        return try Self.decode(bytes[...])
    }

    public func save(_ snapshot: Snapshot) throws {
        var line = try JSON.encode(Self.encode(snapshot))
        line.append(0x0A)
        try state.withLock { state throws(EventStoreError) in
            if let kept = state.entries[snapshot.stream], kept.version > snapshot.version { return }
            do throws(EventStoreError) {
                try file.append(line)
            } catch {
                // Cut what a failed write left, so that the offsets of later lines stay right.
                try? file.truncate(to: state.end)
                throw error
            }
            state.entries[snapshot.stream] = Entry(offset: state.end, length: line.count, version: snapshot.version)
            state.end += Int64(line.count)
        }
    }

    /// The number of streams with a snapshot.
    public var count: Int {
        state.withLock { $0.entries.count }
    }

    // MARK: Format

    private static func encode(_ snapshot: Snapshot) -> Params {
        [
            "format": 1,
            "aggregate": .string(snapshot.stream.aggregate),
            "id": Value(snapshot.stream.id),
            "version": .int(snapshot.version),
            "last_event_id": Value(snapshot.lastEventID),
            "schema": .string(snapshot.schema),
            "state": .object(snapshot.state),
        ]
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) throws -> Snapshot {
        let object = try JSON.decodeObject(bytes)
        guard object["format"]?.intValue == 1,
            case .string(let aggregate)? = object["aggregate"],
            let id = object["id"].flatMap(UUID.init(value:)),
            let version = object["version"]?.intValue,
            case .string(let schema)? = object["schema"],
            let lastEventID = object["last_event_id"].flatMap(UUID.init(value:)),
            case .object(let state)? = object["state"]
        else {
            throw EventStoreError(.corrupted, "not a snapshot line of format 1")
        }
        return Snapshot(
            stream: StreamID(aggregate: aggregate, id: id),
            version: version,
            lastEventID: lastEventID,
            schema: schema,
            state: state
        )
    }
}
