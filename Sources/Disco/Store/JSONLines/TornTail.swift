import Foundation

extension JSONLinesEventStore {
    /// What opening or repairing a store cut from the end of `events.jsonl`: the bytes a
    /// crash left behind in the middle of writing a command, which was therefore never
    /// acknowledged.
    public struct TornTail: Sendable, Hashable, CustomStringConvertible {
        /// The byte offset the file was cut back to (its new length).
        public let offset: Int64
        /// How many bytes were cut.
        public let byteCount: Int64
        /// The line number (from 1) of the first line cut.
        public let lineNumber: Int
        /// How many complete lines were cut: events of a command whose last events are missing.
        public let completeLineCount: Int
        /// Whether the last line cut was incomplete (no line feed at its end).
        public let endsWithPartialLine: Bool
        /// The command whose events were cut, when a complete line of it names it.
        public let commandID: UUID?
        /// Where the cut bytes were saved, for inspection; `nil` when nothing was saved
        /// (``JSONLinesEventStore/verify(directory:)`` only reports).
        public let savedTo: URL?

        /// A report of a cut.
        public init(
            offset: Int64,
            byteCount: Int64,
            lineNumber: Int,
            completeLineCount: Int,
            endsWithPartialLine: Bool,
            commandID: UUID?,
            savedTo: URL?
        ) {
            self.offset = offset
            self.byteCount = byteCount
            self.lineNumber = lineNumber
            self.completeLineCount = completeLineCount
            self.endsWithPartialLine = endsWithPartialLine
            self.commandID = commandID
            self.savedTo = savedTo
        }

        /// `torn tail at line 12 (byte 3456): 2 complete lines of command … and a partial line, 812 bytes`.
        public var description: String {
            var parts: [String] = []
            if completeLineCount > 0 {
                let command = commandID.map { " of command \($0.lowercasedText)" } ?? ""
                parts.append(
                    "\(completeLineCount) complete line\(completeLineCount == 1 ? "" : "s")\(command), whose command is missing events"
                )
            }
            if endsWithPartialLine { parts.append("a partial line") }
            var text =
                "torn tail from line \(lineNumber) (byte \(offset)): \(parts.joined(separator: " and ")), \(byteCount) bytes"
            if let savedTo { text += "; saved to \(savedTo.path)" }
            return text
        }
    }
}
