/// Renders a `TypedExpression` as Swift source, spelling its references with a ``SwiftNames``.
///
/// Every operand that is itself an infix operation is parenthesised (`(a + b) * c`,
/// `(a + b) + c`), as is the operand of a prefix operator unless it is atomic, and the receiver
/// of a postfix member; so the Swift means what the spec says whatever Swift's precedence.
/// `append` renders parenthesised (`(list + [x])`) and `remove` with a non-trailing closure
/// (`list.filter({ $0 != x })`), so that both are safe in any position, including `if` conditions.
/// A comparison of two double literals types its left side (`Double(1.0) < 2.5`), which Swift
/// would otherwise find ambiguous.
struct SwiftExpressionRenderer {
    /// How references are spelt where the expression is rendered.
    let names: SwiftNames

    /// The Swift source of a checked expression; its top level is not parenthesised.
    static func render(_ expression: CheckedExpression, names: SwiftNames) -> String {
        SwiftExpressionRenderer(names: names).render(expression.typed)
    }

    /// The Swift source of an expression; its top level is not parenthesised.
    func render(_ expression: TypedExpression) -> String {
        switch expression.kind {
        case .integer(let text), .double(let text):
            return text
        case .decimal(let significand, let exponent):
            return exponent == 0
                ? "Decimal(\(significand))"
                : "Decimal(sign: .plus, exponent: \(exponent), significand: \(significand))"
        case .string(let value):
            return swiftStringLiteral(value)
        case .bool(let value):
            return value ? "true" : "false"
        case .null:
            return "nil"
        case .reference(let reference):
            let swift = names.swift(for: reference)
            return names.isPostfixCall(reference) || Self.isMemberChain(swift) ? swift : "(\(swift))"
        case .unary(let op, let operand):
            return op.rawValue + (Self.isPrefixed(operand) ? "(\(render(operand)))" : render(operand))
        case .binary(let op, let lhs, let rhs):
            if op.isComparison, lhs.type == .double, Self.isLiteralTree(lhs), Self.isLiteralTree(rhs) {
                // `1.0 < 2.5` alone is ambiguous to Swift once Foundation is imported.
                return "Double(\(render(lhs))) \(op.rawValue) \(self.operand(rhs))"
            }
            return "\(self.operand(lhs)) \(op.rawValue) \(self.operand(rhs))"
        case .count(let base):
            return receiver(base) + ".count"
        case .contains(let base, let element):
            return receiver(base) + ".contains(" + render(element) + ")"
        case .append(let list, let element):
            return "(" + operand(list) + " + [" + render(element) + "])"
        case .remove(let list, let element):
            return receiver(list) + ".filter({ $0 != " + operand(element) + " })"
        case .convert(let type, let value):
            return (type == .decimal ? "Decimal(" : "Double(") + render(value) + ")"
        }
    }

    /// An operand of an infix operator.
    private func operand(_ expression: TypedExpression) -> String {
        if case .binary = expression.kind { return "(\(render(expression)))" }
        return render(expression)
    }

    /// The receiver of a postfix member (`.count`, `.contains`, `.filter`).
    private func receiver(_ expression: TypedExpression) -> String {
        switch expression.kind {
        case .binary, .unary: return "(\(render(expression)))"
        default: return Self.isPrefixed(expression) ? "(\(render(expression)))" : render(expression)
        }
    }

    /// Whether the rendered text starts with a prefix operator or is an infix operation.
    private static func isPrefixed(_ expression: TypedExpression) -> Bool {
        switch expression.kind {
        case .unary, .binary: true
        case .integer(let text), .double(let text): text.hasPrefix("-")
        default: false
        }
    }

    /// Whether the expression is made of number literals only, so Swift infers its type from context.
    private static func isLiteralTree(_ expression: TypedExpression) -> Bool {
        switch expression.kind {
        case .integer, .double: true
        case .unary(_, let operand): isLiteralTree(operand)
        case .binary(_, let lhs, let rhs): isLiteralTree(lhs) && isLiteralTree(rhs)
        default: false
        }
    }

    /// Whether the text is an identifier or a member chain (`command.amount`), possibly called with
    /// no arguments (`Date()`): safe in any position.
    private static func isMemberChain(_ swift: String) -> Bool {
        let chain = swift.hasSuffix("()") ? String(swift.dropLast(2)) : swift
        guard let first = chain.unicodeScalars.first, first != ".", !("0"..."9").contains(first) else { return false }
        return chain.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "." || scalar == "`" || scalar == "$"
        }
    }
}
