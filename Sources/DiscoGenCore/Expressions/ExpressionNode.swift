/// A node of a parsed expression, with the span of text it came from.
struct ExpressionNode: Sendable, Hashable, CustomStringConvertible {
    /// What the node is.
    indirect enum Kind: Sendable, Hashable {
        /// An integer literal, as written (digits).
        case integer(String)
        /// A number literal with a fraction, as written: `2.50`.
        case fraction(String)
        /// A string literal's value.
        case string(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null
        /// `now`.
        case now
        /// A bare name: a param or an event field.
        case name(String)
        /// `state.field`, with the span of `field`.
        case stateField(String, fieldRange: ExpressionRange)
        /// A prefix operator; the operator is the first character of the node.
        case unary(ExpressionUnaryOperator, ExpressionNode)
        /// An infix operator, with the operator's span.
        case binary(ExpressionBinaryOperator, ExpressionNode, ExpressionNode, operatorRange: ExpressionRange)
        /// `x.count`, with the span of `count`.
        case count(ExpressionNode, propertyRange: ExpressionRange)
        /// `name(arguments)`; the name starts the node and need not be a known function.
        case call(String, [ExpressionNode])
    }

    /// What the node is.
    var kind: Kind
    /// Its text, including any parentheses around it.
    var range: ExpressionRange
    /// The number of nodes on the longest path down from this one, itself included.
    let height: Int

    /// A node.
    init(_ kind: Kind, range: ExpressionRange) {
        self.kind = kind
        self.range = range
        self.height = 1 + kind.children.map(\.height).reduce(0, max)
    }

    /// An S-expression, for tests: `(+ amount (state balance))`.
    var description: String {
        switch kind {
        case .integer(let text), .fraction(let text): text
        case .string(let value): ExpressionText.quoted(value, limit: .max)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .now: "now"
        case .name(let name): name
        case .stateField(let field, _): "(state \(field))"
        case .unary(let op, let operand): "(\(op.rawValue) \(operand))"
        case .binary(let op, let lhs, let rhs, _): "(\(op.rawValue) \(lhs) \(rhs))"
        case .count(let base, _): "(count \(base))"
        case .call(let name, let arguments): "(\(([name] + arguments.map(\.description)).joined(separator: " ")))"
        }
    }
}

extension ExpressionNode.Kind {
    /// The nodes directly below.
    var children: [ExpressionNode] {
        switch self {
        case .integer, .fraction, .string, .bool, .null, .now, .name, .stateField: []
        case .unary(_, let operand): [operand]
        case .binary(_, let lhs, let rhs, _): [lhs, rhs]
        case .count(let base, _): [base]
        case .call(_, let arguments): arguments
        }
    }
}
