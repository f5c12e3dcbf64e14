import Foundation

/// Where each event of `events.jsonl` is: the byte offset of every line, the stream and
/// command of every event, and the positions of every stream. Payloads stay on disk; reading
/// an event seeks to its line.
struct StoreIndex: Sendable {
    /// One stream's place in the index.
    struct Stream: Sendable {
        /// Its number in ``streamIDs``.
        var number: UInt32
        /// The positions of its events; an event's version is its place here, from 1.
        var positions: [Int64]
    }

    /// `lineStarts[p - 1]` is the offset of the line of position `p`.
    private(set) var lineStarts: [Int64] = []
    /// The offset just past the last event's line.
    private(set) var endOffset: Int64 = 0
    /// `streamNumbers[p - 1]` is the number of the stream of position `p` in ``streamIDs``.
    private(set) var streamNumbers: [UInt32] = []
    /// `commandIDs[p - 1]` is the id of the command that recorded position `p`.
    private(set) var commandIDs: [UUID] = []
    /// Every stream, numbered in the order of their first events.
    private(set) var streamIDs: [StreamID] = []
    /// Each stream's number and positions.
    private(set) var streams: [StreamID: Stream] = [:]

    /// An empty index.
    init() {}

    /// An index read back from a checkpoint.
    init(lineStarts: [Int64], endOffset: Int64, streamIDs: [StreamID], streamNumbers: [UInt32], commandIDs: [UUID]) {
        self.lineStarts = lineStarts
        self.endOffset = endOffset
        self.streamIDs = streamIDs
        self.streamNumbers = streamNumbers
        self.commandIDs = commandIDs
        var positions = [[Int64]](repeating: [], count: streamIDs.count)
        for (index, number) in streamNumbers.enumerated() {
            positions[Int(number)].append(Int64(index + 1))
        }
        var streams: [StreamID: Stream] = [:]
        streams.reserveCapacity(streamIDs.count)
        for (number, stream) in streamIDs.enumerated() {
            streams[stream] = Stream(number: UInt32(number), positions: positions[number])
        }
        self.streams = streams
    }

    /// The position of the last indexed event.
    var head: Int64 { Int64(lineStarts.count) }

    /// The version of a stream's last indexed event; 0 for a stream with none.
    func version(of stream: StreamID) -> Int {
        streams[stream]?.positions.count ?? 0
    }

    /// Adds the next event: its line spans `start..<end`.
    mutating func add(stream: StreamID, commandID: UUID, start: Int64, end: Int64) {
        lineStarts.append(start)
        endOffset = end
        commandIDs.append(commandID)
        let position = Int64(lineStarts.count)
        if let number = streams[stream]?.number {
            streams[stream]?.positions.append(position)
            streamNumbers.append(number)
        } else {
            let number = UInt32(streamIDs.count)
            streamIDs.append(stream)
            streams[stream] = Stream(number: number, positions: [position])
            streamNumbers.append(number)
        }
    }

    /// The bytes from the line of position `first` to the end of the line of `last`.
    func byteRange(from first: Int64, through last: Int64) -> Range<Int64> {
        let start = lineStarts[Int(first - 1)]
        let end = last < head ? lineStarts[Int(last)] : endOffset
        return start..<end
    }

    /// The positions of a stream's events with a version greater than `version`, up to `head`.
    func positions(of stream: StreamID, after version: Int, upTo head: Int64) -> ArraySlice<Int64> {
        guard let positions = streams[stream]?.positions, version < positions.count else { return [] }
        let slice = positions[Swift.max(version, 0)...]
        guard let last = slice.last, last > head else { return slice }
        return slice.prefix { $0 <= head }
    }

    /// Every stream with an event up to `head`, in the order of their first events (the
    /// order of ``streamIDs``), with its first position and its version at `head`.
    func summaries(upTo head: Int64) -> [StreamSummary] {
        var result: [StreamSummary] = []
        for stream in streamIDs {
            guard let first = streams[stream]?.positions.first, first <= head else { break }
            let version = positions(of: stream, after: 0, upTo: head).count
            result.append(StreamSummary(stream: stream, firstPosition: first, version: version))
        }
        return result
    }

    /// The stream, version and command of each event after `position`, up to `head`.
    func commands(after position: Int64, upTo head: Int64) -> [RecordedCommand] {
        guard position < head else { return [] }
        var versions: [UInt32: Int] = [:]
        var result: [RecordedCommand] = []
        result.reserveCapacity(Int(head - position))
        for index in Int(Swift.max(position, 0))..<Int(head) {
            let number = streamNumbers[index]
            let stream = streamIDs[Int(number)]
            let version: Int
            if let previous = versions[number] {
                version = previous + 1
            } else {
                // The first event of this stream in the range: find its place once.
                let positions = streams[stream]?.positions ?? []
                version = Self.firstIndex(of: Int64(index + 1), in: positions) + 1
            }
            versions[number] = version
            result.append(RecordedCommand(commandID: commandIDs[index], stream: stream, version: version))
        }
        return result
    }

    /// The place of a position in a sorted list of positions (binary search).
    private static func firstIndex(of position: Int64, in positions: [Int64]) -> Int {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Reserves room for a number of events.
    mutating func reserveCapacity(_ count: Int) {
        lineStarts.reserveCapacity(count)
        streamNumbers.reserveCapacity(count)
        commandIDs.reserveCapacity(count)
    }
}
