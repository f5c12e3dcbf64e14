extension JSONLinesEventStore {
    /// What ``JSONLinesEventStore/verify(directory:)`` found in a store folder.
    public struct Verification: Sendable, Hashable, CustomStringConvertible {
        /// How many events the complete commands hold.
        public let eventCount: Int64
        /// How many streams they belong to.
        public let streamCount: Int
        /// How many lines the file has, torn ones included.
        public let lineCount: Int
        /// The file's size in bytes.
        public let byteCount: Int64
        /// The torn tail that opening or ``JSONLinesEventStore/repair(directory:logger:)``
        /// would cut; `nil` when the file ends with a complete command.
        public let tornTail: TornTail?

        /// A verification report.
        public init(eventCount: Int64, streamCount: Int, lineCount: Int, byteCount: Int64, tornTail: TornTail?) {
            self.eventCount = eventCount
            self.streamCount = streamCount
            self.lineCount = lineCount
            self.byteCount = byteCount
            self.tornTail = tornTail
        }

        /// Whether the file is entirely valid: no torn tail.
        public var isClean: Bool { tornTail == nil }

        /// `1000 events in 10 streams, 1000 lines, 345678 bytes; clean`.
        public var description: String {
            "\(eventCount) events in \(streamCount) streams, \(lineCount) lines, \(byteCount) bytes; "
                + (tornTail.map { "\($0)" } ?? "clean")
        }
    }
}
