import Foundation

/// The index of `events.jsonl` saved when the store closes, so that the next open reads it
/// instead of scanning every line: `index.checkpoint` in the store folder.
///
/// It is only a cache. It is written only when the file is as the store's writer left it, and
/// used only when `events.jsonl` is still exactly so (same device, inode, size, modification
/// and status-change times, which any write changes) and its own checksum is right; opening
/// removes it once read. Otherwise opening scans the file as usual, so after a crash, or any
/// change to the file, opening scans and checks every line again.
///
/// Layout (integers little-endian): `DISCOIX3`, the events file's identity (device, inode,
/// size, modification and status-change times in seconds and nanoseconds), the end offset,
/// the event count N, the stream count S; S streams in the order of their first events
/// (aggregate name length as UInt16, its UTF-8 bytes, the id's 16 bytes); N line offsets
/// (Int64); N stream numbers (UInt32); N command ids (16 bytes); a 64-bit FNV-1a checksum of
/// everything before it.
enum IndexCheckpoint {
    /// The file's name in the store folder.
    static let fileName = "index.checkpoint"

    /// The suffix of the file a checkpoint is written to before it is renamed into place.
    static let temporarySuffix = ".writing"

    private static let magic = Array("DISCOIX3".utf8)

    /// Writes the index of a file that will not change before the next open, replacing any
    /// earlier checkpoint atomically.
    static func write(_ index: StoreIndex, of file: StoreFile, to path: String) throws(EventStoreError) {
        let streams = index.streamIDs
        var bytes: [UInt8] = magic
        bytes.reserveCapacity(128 + streams.count * 40 + Int(index.head) * 28)
        for value in try file.identity() { append(value, to: &bytes) }
        append(index.endOffset, to: &bytes)
        append(index.head, to: &bytes)
        append(Int64(streams.count), to: &bytes)
        for stream in streams {
            let name = Array(stream.aggregate.utf8)
            guard let length = UInt16(exactly: name.count) else {
                throw EventStoreError(.io, "an aggregate name is too long for the index checkpoint")
            }
            withUnsafeBytes(of: length.littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: name)
            withUnsafeBytes(of: stream.id.uuid) { bytes.append(contentsOf: $0) }
        }
        for start in index.lineStarts { append(start, to: &bytes) }
        for number in index.streamNumbers { withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) } }
        for commandID in index.commandIDs { withUnsafeBytes(of: commandID.uuid) { bytes.append(contentsOf: $0) } }
        append(Int64(bitPattern: checksum(bytes[...])), to: &bytes)

        let temporary = path + temporarySuffix
        let output = try StoreFile.open(temporary, create: true)
        try output.truncate(to: 0)
        try output.append(bytes)
        guard rename(temporary, path) == 0 else { throw StoreFile.failure("renaming to", path) }
    }

    /// The index a checkpoint holds, when it describes the file exactly as it is now; `nil`
    /// when there is no checkpoint, or it is stale or damaged.
    static func read(from path: String, for file: StoreFile) -> StoreIndex? {
        guard let checkpoint = try? StoreFile.openForReading(path), let size = try? checkpoint.size(),
            size >= magic.count + 8 * 8 + 8, let bytes = try? checkpoint.read(offset: 0, count: Int(size))
        else {
            return nil
        }
        let body = bytes[..<(bytes.count - 8)]
        var reader = Reader(bytes: bytes, offset: magic.count)
        var trailer = Reader(bytes: bytes, offset: body.count)
        guard Array(bytes[..<magic.count]) == magic,
            let identity = try? file.identity(),
            let recorded = reader.int64s(StoreFile.identityCount), recorded == identity,
            let endOffset = reader.int64(), endOffset == identity[2],
            let count = reader.int64(), count >= 0,
            let streamCount = reader.int64(), streamCount >= 0, streamCount <= count,
            trailer.int64().map({ UInt64(bitPattern: $0) }) == checksum(body)
        else { return nil }
        var streams: [StreamID] = []
        streams.reserveCapacity(Int(streamCount))
        for _ in 0..<streamCount {
            guard let name = reader.string(), let id = reader.uuid() else { return nil }
            streams.append(StreamID(aggregate: name, id: id))
        }
        guard let lineStarts = reader.int64s(Int(count)), let numbers = reader.uint32s(Int(count)) else { return nil }
        guard let commandIDs = reader.uuids(Int(count)), reader.offset == body.count,
            numbers.allSatisfy({ Int($0) < streams.count })
        else { return nil }
        return StoreIndex(
            lineStarts: lineStarts,
            endOffset: endOffset,
            streamIDs: streams,
            streamNumbers: numbers,
            commandIDs: commandIDs
        )
    }

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        FNV1a.hash(bytes)
    }

    /// Reads little-endian values from a checkpoint, `nil` past its end.
    private struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func int64() -> Int64? {
            int64s(1)?.first
        }

        mutating func int64s(_ count: Int) -> [Int64]? {
            integers(count)
        }

        mutating func uint32s(_ count: Int) -> [UInt32]? {
            integers(count)
        }

        private mutating func integers<Integer: FixedWidthInteger>(_ count: Int) -> [Integer]? {
            let size = MemoryLayout<Integer>.size
            guard count >= 0, count <= (bytes.count - offset) / size else { return nil }
            let values = bytes.withUnsafeBytes { raw in
                (0..<count).map {
                    Integer(littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * size, as: Integer.self))
                }
            }
            offset += count * size
            return values
        }

        mutating func string() -> String? {
            guard offset + 2 <= bytes.count else { return nil }
            let length = Int(UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)
            offset += 2
            guard offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return String(validating: bytes[offset..<(offset + length)], as: UTF8.self)
        }

        mutating func uuids(_ count: Int) -> [UUID]? {
            guard count >= 0, count <= (bytes.count - offset) / 16 else { return nil }
            let values = bytes.withUnsafeBytes { raw in
                (0..<count).map { UUID(uuid: raw.loadUnaligned(fromByteOffset: offset + $0 * 16, as: uuid_t.self)) }
            }
            offset += count * 16
            return values
        }

        mutating func uuid() -> UUID? {
            guard offset + 16 <= bytes.count else { return nil }
            defer { offset += 16 }
            let b = Array(bytes[offset..<(offset + 16)])
            return UUID(
                uuid: (
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
                )
            )
        }
    }
}
