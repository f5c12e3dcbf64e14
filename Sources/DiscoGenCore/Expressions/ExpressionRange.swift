/// A span of an expression's text, in Unicode scalars from the start of the text (as YAML columns count).
struct ExpressionRange: Sendable, Hashable {
    /// The offset of the first scalar.
    var start: Int
    /// The offset just past the last scalar.
    var end: Int

    /// A span from `start` up to, not including, `end`.
    init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    func union(_ other: ExpressionRange) -> ExpressionRange {
        ExpressionRange(min(start, other.start), max(end, other.end))
    }
}
