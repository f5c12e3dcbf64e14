extension ExpressionTypeChecker {
    /// An integer literal: an `int`, or a `double` or `decimal` when `hint` is (or wraps) one.
    mutating func integerLiteral(_ digits: String, negative: Bool, hint: SpecType?, at offset: Int) -> TypedExpression? {
        let digits = Self.withoutLeadingZeros(digits)
        let sign = negative ? "-" : ""
        switch hint?.unwrapped {
        case .double?:
            return TypedExpression(.double(sign + digits + ".0"), .double)
        case .decimal?:
            guard Int64(digits) != nil else {
                error("number \(digits) has too many digits for decimal", at: offset)
                return nil
            }
            let literal = TypedExpression(.decimal(significand: digits, exponent: 0), .decimal)
            return negative ? TypedExpression(.unary(.negate, literal), .decimal) : literal
        default:
            guard Int64(sign + digits) != nil else {
                error("integer \(sign)\(digits) is too large for int", at: offset)
                return nil
            }
            return TypedExpression(.integer(sign + digits), .int)
        }
    }

    /// A literal with a fraction: a `decimal` when `hint` is (or wraps) one, else a `double`.
    mutating func fractionLiteral(_ text: String, hint: SpecType?, at offset: Int) -> TypedExpression? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Self.withoutLeadingZeros(String(parts.first ?? "0"))
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard hint?.unwrapped == .decimal else {
            return TypedExpression(.double(whole + "." + (fraction.isEmpty ? "0" : fraction)), .double)
        }
        let significand = Self.withoutLeadingZeros(whole + fraction)
        guard Int64(significand) != nil else {
            error("number \(text) has too many digits for decimal", at: offset)
            return nil
        }
        return TypedExpression(.decimal(significand: significand, exponent: -fraction.count), .decimal)
    }

    /// Whether `node` is made only of number literals (`2`, `-1.5`, `(1 + 2) * 3`), so that it
    /// takes the number type of what it meets.
    static func isNumberLiteral(_ node: ExpressionNode) -> Bool {
        switch node.kind {
        case .integer, .fraction: true
        case .unary(.negate, let operand): isNumberLiteral(operand)
        case .binary(let op, let lhs, let rhs, _): op.isArithmetic && isNumberLiteral(lhs) && isNumberLiteral(rhs)
        default: false
        }
    }

    private static func withoutLeadingZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
