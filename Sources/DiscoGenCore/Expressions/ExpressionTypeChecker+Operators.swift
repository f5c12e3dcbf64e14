extension ExpressionTypeChecker {
    /// `-x` on a number, `!x` on a bool.
    mutating func unary(
        _ op: ExpressionUnaryOperator, _ operandNode: ExpressionNode, hint: SpecType?, at offset: Int
    ) -> TypedExpression? {
        switch op {
        case .negate:
            if case .integer(let digits) = operandNode.kind {
                return integerLiteral(digits, negative: true, hint: hint, at: offset)
            }
            guard let operand = infer(operandNode, hint: hint) else { return nil }
            guard let type = operand.type, type.isNumber else {
                error("'-' needs a number, not \(Self.describeOperand(operand.type))", at: offset)
                return nil
            }
            return TypedExpression(.unary(.negate, operand), type)
        case .not:
            guard let operand = infer(operandNode, hint: nil) else { return nil }
            guard operand.type == .bool else {
                error("'!' needs a bool, not \(Self.describeOperand(operand.type))", at: offset)
                return nil
            }
            return TypedExpression(.unary(.not, operand), .bool)
        }
    }

    /// An infix operation; `offset` is the operator's.
    mutating func binary(
        _ op: ExpressionBinaryOperator, _ lhsNode: ExpressionNode, _ rhsNode: ExpressionNode,
        hint: SpecType?, at offset: Int
    ) -> TypedExpression? {
        if op == .and || op == .or {
            let lhs = infer(lhsNode, hint: nil)
            let rhs = infer(rhsNode, hint: nil)
            guard let lhs, let rhs else { return nil }
            guard lhs.type == .bool, rhs.type == .bool else {
                error(
                    "'\(op.rawValue)' needs bool operands, not \(Self.describe(lhs.type)) and \(Self.describe(rhs.type))",
                    at: offset)
                return nil
            }
            return TypedExpression(.binary(op, lhs, rhs), .bool)
        }
        let (lhs, rhs) = operands(op, lhsNode, rhsNode, hint: hint)
        guard let lhs, let rhs else { return nil }
        if op.isArithmetic { return arithmetic(op, lhs, rhs, divisorAt: rhsNode.range.start, at: offset) }
        if op.isOrdering { return ordering(op, lhs, rhs, at: offset) }
        return equality(op, lhs, rhs, at: offset)
    }

    /// Both operands, typed so that a literal side takes the number type of the other side.
    private mutating func operands(
        _ op: ExpressionBinaryOperator, _ lhsNode: ExpressionNode, _ rhsNode: ExpressionNode, hint: SpecType?
    ) -> (TypedExpression?, TypedExpression?) {
        let lhsIsLiteral = Self.isNumberLiteral(lhsNode)
        let rhsIsLiteral = Self.isNumberLiteral(rhsNode)
        switch (lhsIsLiteral, rhsIsLiteral) {
        case (true, true):
            var literalHint: SpecType? = nil
            if op != .remainder {
                if op.isArithmetic, let expected = hint?.unwrapped, expected.isNumber {
                    literalHint = expected
                } else if Self.hasFraction(lhsNode) || Self.hasFraction(rhsNode) {
                    literalHint = .double
                }
            }
            return (infer(lhsNode, hint: literalHint), infer(rhsNode, hint: literalHint))
        case (true, false):
            let rhs = infer(rhsNode, hint: nil)
            return (infer(lhsNode, hint: rhs?.type?.unwrapped), rhs)
        case (false, _):
            let lhs = infer(lhsNode, hint: nil)
            return (lhs, infer(rhsNode, hint: rhsIsLiteral ? lhs?.type?.unwrapped : nil))
        }
    }

    private static func hasFraction(_ node: ExpressionNode) -> Bool {
        if case .fraction = node.kind { return true }
        return node.kind.children.contains { hasFraction($0) }
    }

    /// `+ - * / %` on numbers, and `+` on strings.
    private mutating func arithmetic(
        _ op: ExpressionBinaryOperator, _ lhs: TypedExpression, _ rhs: TypedExpression,
        divisorAt divisorOffset: Int, at offset: Int
    ) -> TypedExpression? {
        if op == .add, lhs.type == .string, rhs.type == .string {
            return TypedExpression(.binary(.add, lhs, rhs), .string)
        }
        if op == .remainder, lhs.type != .int || rhs.type != .int {
            error("'%' needs int operands, not \(Self.describe(lhs.type)) and \(Self.describe(rhs.type))", at: offset)
            return nil
        }
        guard let lhsType = lhs.type, let rhsType = rhs.type, lhsType.isNumber, rhsType.isNumber else {
            var message = "cannot \(op.verb) \(Self.describe(lhs.type)) and \(Self.describe(rhs.type))"
            if op == .add, case .list? = lhs.type {
                message += "; use append(list, x) to add an element"
            } else if lhs.type?.isOptional == true || rhs.type?.isOptional == true {
                message += " (an optional may be null)"
            }
            error(message, at: offset)
            return nil
        }
        guard let (lhs, rhs, type) = unifiedNumbers(lhs, rhs, op, at: offset) else { return nil }
        if op == .divide || op == .remainder, type == .int, case .integer(let text) = rhs.kind, Int64(text) == 0 {
            error("division by zero", at: divisorOffset)
            return nil
        }
        return TypedExpression(.binary(op, lhs, rhs), type)
    }

    /// `< <= > >=` on numbers, strings and dates.
    private mutating func ordering(
        _ op: ExpressionBinaryOperator, _ lhs: TypedExpression, _ rhs: TypedExpression, at offset: Int
    ) -> TypedExpression? {
        let pair = "\(Self.describe(lhs.type)) with \(Self.describe(rhs.type))"
        guard let lhsType = lhs.type, let rhsType = rhs.type else {
            error("cannot compare \(pair) using '\(op.rawValue)'; only '==' and '!=' work with null", at: offset)
            return nil
        }
        let bothNumbers = lhsType.unwrapped.isNumber && rhsType.unwrapped.isNumber
        guard lhsType.unwrapped == rhsType.unwrapped || bothNumbers else {
            error("cannot compare \(pair)", at: offset)
            return nil
        }
        guard !lhsType.isOptional, !rhsType.isOptional else {
            error("cannot compare \(pair) using '\(op.rawValue)' (an optional may be null)", at: offset)
            return nil
        }
        if bothNumbers {
            guard let (lhs, rhs, _) = unifiedNumbers(lhs, rhs, op, at: offset) else { return nil }
            return TypedExpression(.binary(op, lhs, rhs), .bool)
        }
        guard lhsType == .string || lhsType == .date else {
            error("cannot order \(lhsType) values with '\(op.rawValue)'; it works on numbers, strings and dates", at: offset)
            return nil
        }
        return TypedExpression(.binary(op, lhs, rhs), .bool)
    }

    /// `==` and `!=` on values of one type, an optional with its wrapped type, an optional with `null`.
    private mutating func equality(
        _ op: ExpressionBinaryOperator, _ lhs: TypedExpression, _ rhs: TypedExpression, at offset: Int
    ) -> TypedExpression? {
        let pair = "\(Self.describe(lhs.type)) with \(Self.describe(rhs.type))"
        switch (lhs.type, rhs.type) {
        case (nil, nil):
            error("cannot compare null with null", at: offset)
            return nil
        case (nil, let type?), (let type?, nil):
            guard type.isOptional else {
                error("cannot compare \(pair) (\(type) is never null)", at: offset)
                return nil
            }
            return TypedExpression(.binary(op, lhs, rhs), .bool)
        case (let lhsType?, let rhsType?):
            if lhsType.unwrapped == rhsType.unwrapped {
                return TypedExpression(.binary(op, lhs, rhs), .bool)
            }
            guard lhsType.isNumber, rhsType.isNumber else {
                error("cannot compare \(pair)", at: offset)
                return nil
            }
            guard let (lhs, rhs, _) = unifiedNumbers(lhs, rhs, op, at: offset) else { return nil }
            return TypedExpression(.binary(op, lhs, rhs), .bool)
        }
    }

    /// Two non-optional numbers of one type: an `int` side is converted to the other side's
    /// `double` or `decimal`; `double` with `decimal` is an error.
    private mutating func unifiedNumbers(
        _ lhs: TypedExpression, _ rhs: TypedExpression, _ op: ExpressionBinaryOperator, at offset: Int
    ) -> (TypedExpression, TypedExpression, SpecType)? {
        guard let lhsType = lhs.type, let rhsType = rhs.type else { return nil }
        if lhsType == rhsType { return (lhs, rhs, lhsType) }
        if lhsType == .int, let lhs = Self.converted(lhs, to: rhsType) { return (lhs, rhs, rhsType) }
        if rhsType == .int, let rhs = Self.converted(rhs, to: lhsType) { return (lhs, rhs, lhsType) }
        error(
            "cannot mix \(lhsType) and \(rhsType) in '\(op.rawValue)': converting between them could lose precision;"
                + " use the same number type on both sides",
            at: offset)
        return nil
    }

    /// A type for messages about operands: `int`, `int? (an optional may be null)`, `null`.
    static func describeOperand(_ type: SpecType?) -> String {
        guard let type else { return "null" }
        return type.isOptional ? "\(type) (an optional may be null)" : type.description
    }
}
