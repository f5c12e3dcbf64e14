/// A prefix operator of the expression language.
enum ExpressionUnaryOperator: String, Sendable, Hashable {
    /// `-x`, on numbers.
    case negate = "-"
    /// `!x`, on bools.
    case not = "!"
}
