/// Where each event of `events.jsonl` is: the byte offset of every line and the positions
/// of every stream. Payloads stay on disk; reading an event seeks to its line.
struct StoreIndex: Sendable {
    /// `lineStarts[p - 1]` is the offset of the line of position `p`.
    private(set) var lineStarts: [Int64] = []
    /// The offset just past the last event's line.
    private(set) var endOffset: Int64 = 0
    /// The positions of each stream's events; an event's version is its place here, from 1.
    private(set) var streams: [StreamID: [Int64]] = [:]

    /// An empty index.
    init() {}

    /// An index read back from a checkpoint: the line offsets, the end, and each stream's
    /// positions.
    init(lineStarts: [Int64], endOffset: Int64, streams: [StreamID: [Int64]]) {
        self.lineStarts = lineStarts
        self.endOffset = endOffset
        self.streams = streams
    }

    /// The position of the last indexed event.
    var head: Int64 { Int64(lineStarts.count) }

    /// The version of a stream's last indexed event; 0 for a stream with none.
    func version(of stream: StreamID) -> Int {
        streams[stream]?.count ?? 0
    }

    /// Adds the next event: its line spans `start..<end`.
    mutating func add(stream: StreamID, start: Int64, end: Int64) {
        lineStarts.append(start)
        endOffset = end
        streams[stream, default: []].append(Int64(lineStarts.count))
    }

    /// The bytes from the line of position `first` to the end of the line of `last`.
    func byteRange(from first: Int64, through last: Int64) -> Range<Int64> {
        let start = lineStarts[Int(first - 1)]
        let end = last < head ? lineStarts[Int(last)] : endOffset
        return start..<end
    }

    /// The positions of a stream's events with a version greater than `version`, up to `head`.
    func positions(of stream: StreamID, after version: Int, upTo head: Int64) -> ArraySlice<Int64> {
        guard let positions = streams[stream], version < positions.count else { return [] }
        let slice = positions[Swift.max(version, 0)...]
        guard let last = slice.last, last > head else { return slice }
        return slice.prefix { $0 <= head }
    }

    /// Reserves room for a number of events.
    mutating func reserveCapacity(_ count: Int) {
        lineStarts.reserveCapacity(count)
    }
}
