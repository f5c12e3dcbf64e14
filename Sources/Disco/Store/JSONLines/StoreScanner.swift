import Dispatch
import Foundation

/// Reads `events.jsonl` from start to end and checks it line by line: the one pass that
/// opening, ``JSONLinesEventStore/verify(directory:)`` and
/// ``JSONLinesEventStore/repair(directory:)`` share.
///
/// Rules (also in `Docs/StoreFormat.md`):
/// - Positions are gapless from 1, versions contiguous per stream from 1.
/// - A command's events are consecutive lines with `command_event_index` 0 to
///   `command_event_count - 1`, on one stream, with one `command_id`.
/// - What follows the last complete command is a torn tail when it is only the first lines of
///   one command and/or a last line without its line feed: a crash while writing. It is
///   reported, never kept.
/// - Anything else that is wrong — a line that is not a valid event, a gap, an incomplete
///   command followed by another — is corruption: the scan stops with the line's number.
/// - Lines holding only whitespace are ignored.
enum StoreScanner {
    /// The size of the reads the scan makes.
    static let chunkSize = 4 << 20

    /// Scans a file.
    /// - Parameters:
    ///   - file: The open `events.jsonl`.
    ///   - full: Whether to decode every event in full (payloads included), as `verify` does,
    ///     rather than the envelope fields the index needs.
    ///   - previous: An earlier scan of the same file to carry on from: the scan starts after
    ///     its last complete command (what a read-only store does as the file grows).
    ///   - progress: Called after each chunk with the offset read up to.
    /// - Throws: ``EventStoreError`` with kind `corrupted` naming the first bad line.
    static func scan(
        _ file: StoreFile,
        full: Bool = false,
        continuing previous: StoreScan? = nil,
        progress: ((Int64) -> Void)? = nil
    ) throws(EventStoreError) -> StoreScan {
        var state = ScanState(path: file.path, full: full)
        let fileSize = try file.size()
        var bufferOffset: Int64 = 0  // file offset of buffer[0]
        if let previous {
            state.index = previous.index
            state.lineNumber = previous.indexedLineCount
            state.indexedLineCount = previous.indexedLineCount
            bufferOffset = min(previous.index.endOffset, fileSize)
        } else {
            state.index.reserveCapacity(Int(min(fileSize / 200, 50_000_000)))
        }
        var capacity = Int(min(max(fileSize - bufferOffset, 1), Int64(chunkSize)))
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        while true {
            let read = try file.read(
                into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled...])),
                at: bufferOffset + Int64(filled)
            )
            filled += read
            let atEnd = read == 0 || bufferOffset + Int64(filled) >= fileSize
            let bytes = UnsafeBufferPointer(buffer)
            var lines: [Range<Int>] = []
            var start = 0
            while start < filled {
                guard let newline = firstNewline(in: bytes, from: start, to: filled) else { break }
                lines.append(start..<newline)
                start = newline + 1
            }
            let decoded = decodeLines(lines, of: bytes, full: full)
            for (line, result) in zip(lines, decoded) {
                try state.handleLine(result, length: line.count, offset: bufferOffset + Int64(line.lowerBound))
            }
            progress?(bufferOffset + Int64(start))
            if atEnd {
                if start < filled {
                    state.handlePartialLine(
                        UnsafeBufferPointer(rebasing: bytes[start..<filled]),
                        offset: bufferOffset + Int64(start)
                    )
                }
                break
            }
            if start > 0 {
                if start < filled, let base = buffer.baseAddress {
                    base.update(from: base + start, count: filled - start)
                }
                bufferOffset += Int64(start)
                filled -= start
            } else if filled == capacity {
                // A line longer than the buffer: double it.
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity * 2)
                _ = larger.initialize(from: buffer[0..<filled])
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
        }
        return state.finish(fileSize: fileSize)
    }

    /// How one line decoded: `nil` for a blank line.
    typealias DecodedLine = Result<EventLine, JSONError>?

    /// Decodes lines of a buffer, split between worker threads when there are many: decoding
    /// is most of a scan's work, and the checks that need the order of lines come after.
    private static func decodeLines(
        _ lines: [Range<Int>],
        of bytes: UnsafeBufferPointer<UInt8>,
        full: Bool
    ) -> [DecodedLine] {
        let workers = lines.count < 1_024 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)
        var results = [DecodedLine](repeating: nil, count: lines.count)
        results.withUnsafeMutableBufferPointer { output in
            // Each worker writes its own range of `output` and reads only the buffer.
            nonisolated(unsafe) let output = output
            nonisolated(unsafe) let bytes = bytes
            let share = (lines.count + workers - 1) / max(workers, 1)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let end = min(lines.count, (worker + 1) * share)
                var index = worker * share
                while index < end {
                    let line = UnsafeBufferPointer(rebasing: bytes[lines[index]])
                    if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                        output[index] = Result { () throws(JSONError) in try EventLineDecoder.decode(line, full: full) }
                    }
                    index += 1
                }
            }
        }
        return results
    }

    private static func firstNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, start < end else { return nil }
        guard let found = memchr(base + start, 0x0A, end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

/// The running state of a scan.
private struct ScanState {
    let path: String
    let full: Bool
    var index = StoreIndex()
    var lineNumber = 0
    /// The number of the line that completed the last complete command.
    var indexedLineCount = 0
    var partialLine: (offset: Int64, lineNumber: Int)?
    var open: OpenCommand?

    /// The first lines of a command whose last line has not been read yet.
    struct OpenCommand {
        var commandID: UUID
        var stream: StreamID
        var count: Int
        var startOffset: Int64
        var startLine: Int
        var lines: [(start: Int64, end: Int64)]
    }

    init(path: String, full: Bool) {
        self.path = path
        self.full = full
    }

    /// Takes the next complete line, decoded: `nil` when it is blank.
    mutating func handleLine(_ result: StoreScanner.DecodedLine, length: Int, offset: Int64) throws(EventStoreError) {
        lineNumber += 1
        guard let result else { return }
        let decoded: EventLine
        switch result {
        case .success(let line):
            decoded = line
        case .failure(let error):
            throw corruption("\(error) (byte \(offset + Int64(error.offset ?? 0)) of the file)")
        }
        let expectedPosition = index.head + 1 + Int64(open?.lines.count ?? 0)
        guard decoded.position == expectedPosition else {
            throw corruption(
                "position \(decoded.position) where \(expectedPosition) was expected; positions are gapless from 1"
            )
        }
        if decoded.commandEventIndex == 0 {
            if let open {
                throw corruption(
                    "a new command starts here, but command \(open.commandID.lowercasedText) from line \(open.startLine) has only \(open.lines.count) of its \(open.count) events; only the last command of the file may be incomplete"
                )
            }
            open = OpenCommand(
                commandID: decoded.commandID,
                stream: decoded.stream,
                count: decoded.commandEventCount,
                startOffset: offset,
                startLine: lineNumber,
                lines: []
            )
        } else {
            guard let current = open else {
                throw corruption(
                    "event \(decoded.commandEventIndex + 1) of \(decoded.commandEventCount) of command \(decoded.commandID.lowercasedText) follows no earlier event of that command"
                )
            }
            guard current.commandID == decoded.commandID, current.stream == decoded.stream,
                current.count == decoded.commandEventCount, current.lines.count == decoded.commandEventIndex
            else {
                throw corruption(
                    "expected event \(current.lines.count + 1) of \(current.count) of command \(current.commandID.lowercasedText) on stream \(current.stream), found event \(decoded.commandEventIndex + 1) of \(decoded.commandEventCount) of command \(decoded.commandID.lowercasedText) on stream \(decoded.stream)"
                )
            }
        }
        guard var command = open else { return }
        let expectedVersion = index.version(of: decoded.stream) + command.lines.count + 1
        guard decoded.version == expectedVersion else {
            throw corruption(
                "stream \(decoded.stream) is at version \(expectedVersion - 1), but this event has version \(decoded.version); versions are contiguous from 1"
            )
        }
        command.lines.append((offset, offset + Int64(length) + 1))
        if command.lines.count == command.count {
            for span in command.lines {
                index.add(stream: command.stream, commandID: command.commandID, start: span.start, end: span.end)
            }
            indexedLineCount = lineNumber
            open = nil
        } else {
            open = command
        }
    }

    mutating func handlePartialLine(_ line: UnsafeBufferPointer<UInt8>, offset: Int64) {
        lineNumber += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        partialLine = (offset, lineNumber)
    }

    func finish(fileSize: Int64) -> StoreScan {
        var tornTail: JSONLinesEventStore.TornTail?
        if open != nil || partialLine != nil {
            let offset = open?.startOffset ?? partialLine?.offset ?? fileSize
            tornTail = JSONLinesEventStore.TornTail(
                offset: offset,
                byteCount: fileSize - offset,
                lineNumber: open?.startLine ?? partialLine?.lineNumber ?? lineNumber,
                completeLineCount: open?.lines.count ?? 0,
                endsWithPartialLine: partialLine != nil,
                commandID: open?.commandID,
                savedTo: nil
            )
        }
        return StoreScan(
            index: index,
            fileSize: fileSize,
            lineCount: lineNumber,
            tornTail: tornTail,
            indexedLineCount: indexedLineCount
        )
    }

    private func corruption(_ detail: String) -> EventStoreError {
        EventStoreError(
            .corrupted,
            "\(path) line \(lineNumber): \(detail). The store was not opened and nothing was changed; only a torn tail at the end of the file is repaired automatically"
        )
    }
}
