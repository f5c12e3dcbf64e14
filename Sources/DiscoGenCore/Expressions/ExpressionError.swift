/// A problem in an expression, at an offset in its text; turned into a `Diagnostic` by `checkExpression`.
struct ExpressionError: Error, Sendable, Hashable {
    /// The message, written for the person who wrote the spec.
    var message: String
    /// The offset, in Unicode scalars, of the character the problem is about.
    var offset: Int

    /// A problem at an offset.
    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}
