/// A type-checked expression: every name resolved to what it refers to, every literal given its
/// final type, every implicit int promotion made explicit. What `SwiftExpressionRenderer` renders.
struct TypedExpression: Sendable, Hashable {
    /// What the expression is.
    indirect enum Kind: Sendable, Hashable {
        /// An int literal, as Swift text: `42`, `-5`.
        case integer(String)
        /// A double literal, as Swift text with a fraction: `2.5`, `1.0`.
        case double(String)
        /// An exact decimal, `significand` × 10^`exponent` (`significand` is digits, `exponent` ≤ 0).
        case decimal(significand: String, exponent: Int)
        /// A string literal's value.
        case string(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`, rendered as `nil`.
        case null
        /// A name, state field or `now`.
        case reference(ExpressionReference)
        /// A prefix operator.
        case unary(ExpressionUnaryOperator, TypedExpression)
        /// An infix operator, with operands of matching types.
        case binary(ExpressionBinaryOperator, TypedExpression, TypedExpression)
        /// The number of elements of a list or characters of a string.
        case count(TypedExpression)
        /// Whether a list has an element, or a string a substring.
        case contains(TypedExpression, TypedExpression)
        /// A list with one more element at the end.
        case append(TypedExpression, TypedExpression)
        /// A list without any element equal to the value.
        case remove(TypedExpression, TypedExpression)
        /// An int converted to `double` or `decimal`.
        case convert(SpecType, TypedExpression)
    }

    /// What the expression is.
    var kind: Kind
    /// Its type; `nil` for `null`, which fits any optional.
    var type: SpecType?

    /// An expression of some type.
    init(_ kind: Kind, _ type: SpecType?) {
        self.kind = kind
        self.type = type
    }

    /// Every reference inside the expression.
    var references: Set<ExpressionReference> {
        switch kind {
        case .integer, .double, .decimal, .string, .bool, .null:
            return []
        case .reference(let reference):
            return [reference]
        case .unary(_, let operand), .count(let operand), .convert(_, let operand):
            return operand.references
        case .binary(_, let left, let right), .contains(let left, let right), .append(let left, let right),
            .remove(let left, let right):
            return left.references.union(right.references)
        }
    }
}
