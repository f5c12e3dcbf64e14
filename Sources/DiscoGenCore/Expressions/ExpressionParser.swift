/// Parses an expression into an `ExpressionNode` tree, by recursive descent with Swift's precedence:
/// `||` < `&&` < comparisons (which do not chain) < `+ -` < `* / %` < prefix `! -` < postfix `.count`.
struct ExpressionParser {
    /// The deepest tree (and the deepest nesting of parentheses and prefix operators) accepted,
    /// so that hostile input cannot exhaust the stack of this or any later stage.
    static let maximumDepth = 200

    private let tokens: [ExpressionToken]
    private var index = 0
    private var nesting = 0

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    /// The tree of an expression, or the first syntax error.
    static func parse(_ text: String) throws(ExpressionError) -> ExpressionNode {
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokenize(text))
        if parser.current.kind == .end {
            throw ExpressionError("expected an expression", at: parser.current.range.start)
        }
        let node = try parser.expression()
        if parser.current.kind != .end {
            throw ExpressionError(
                "expected an operator or the end of the expression, found \(parser.current.display)",
                at: parser.current.range.start)
        }
        return node
    }

    // MARK: Tokens

    private var current: ExpressionToken {
        tokens[min(index, tokens.count - 1)]
    }

    private var previous: ExpressionToken {
        tokens[max(0, min(index, tokens.count) - 1)]
    }

    private mutating func advance() -> ExpressionToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isIdentifier(_ name: String) -> Bool {
        current.kind == .identifier && current.text == name
    }

    private mutating func expect(_ kind: ExpressionToken.Kind, _ what: String) throws(ExpressionError) -> ExpressionToken {
        guard current.kind == kind else {
            throw ExpressionError("expected \(what), found \(current.display)", at: current.range.start)
        }
        return advance()
    }

    private func checked(_ node: ExpressionNode) throws(ExpressionError) -> ExpressionNode {
        guard node.height <= Self.maximumDepth else {
            throw ExpressionError(
                "expression is too deeply nested (more than \(Self.maximumDepth) levels); split it up",
                at: node.range.start)
        }
        return node
    }

    private mutating func enter(at offset: Int) throws(ExpressionError) {
        nesting += 1
        guard nesting <= Self.maximumDepth else {
            throw ExpressionError(
                "expression is too deeply nested (more than \(Self.maximumDepth) levels); split it up", at: offset)
        }
    }

    // MARK: Infix operators

    private mutating func expression() throws(ExpressionError) -> ExpressionNode {
        try infix(atLeast: 1)
    }

    /// Operators of precedence `minimum` and tighter, left-associative; comparisons do not chain.
    private mutating func infix(atLeast minimum: Int) throws(ExpressionError) -> ExpressionNode {
        if minimum > 5 { return try prefix() }
        var lhs = try infix(atLeast: minimum + 1)
        while let op = ExpressionBinaryOperator(current.kind), op.precedence == minimum {
            let operatorToken = advance()
            let rhs = try operand(after: operatorToken) { parser throws(ExpressionError) in
                try parser.infix(atLeast: minimum + 1)
            }
            lhs = try checked(ExpressionNode(
                .binary(op, lhs, rhs, operatorRange: operatorToken.range), range: lhs.range.union(rhs.range)))
            if op.isComparison, let next = ExpressionBinaryOperator(current.kind), next.isComparison {
                throw ExpressionError(
                    "comparisons cannot be chained; combine them with '&&'", at: current.range.start)
            }
        }
        return lhs
    }

    /// The operand after an operator, with a clear error when there is none.
    private mutating func operand(
        after operatorToken: ExpressionToken,
        _ parse: (inout ExpressionParser) throws(ExpressionError) -> ExpressionNode
    ) throws(ExpressionError) -> ExpressionNode {
        if !startsOperand(current.kind) {
            throw ExpressionError(
                "expected an operand after \(operatorToken.display), found \(current.display)", at: current.range.start)
        }
        return try parse(&self)
    }

    private func startsOperand(_ kind: ExpressionToken.Kind) -> Bool {
        switch kind {
        case .integer, .fraction, .string, .identifier, .leftParenthesis, .bang, .minus: true
        default: false
        }
    }

    // MARK: Prefix and postfix operators

    private mutating func prefix() throws(ExpressionError) -> ExpressionNode {
        let op: ExpressionUnaryOperator
        switch current.kind {
        case .bang: op = .not
        case .minus: op = .negate
        default: return try postfix()
        }
        let operatorToken = advance()
        try enter(at: operatorToken.range.start)
        defer { nesting -= 1 }
        let operand = try operand(after: operatorToken) { parser throws(ExpressionError) in try parser.prefix() }
        return try checked(ExpressionNode(.unary(op, operand), range: operatorToken.range.union(operand.range)))
    }

    private mutating func postfix() throws(ExpressionError) -> ExpressionNode {
        var node = try primary()
        while current.kind == .dot {
            _ = advance()
            let property = try expect(.identifier, "a property name after '.'")
            guard property.text == "count" else {
                let hint = Suggestion.closest(to: property.text, in: ["count"])
                    .map { "did you mean '\($0)'?" } ?? "the only property is 'count'"
                throw ExpressionError("unknown property \(property.display); \(hint)", at: property.range.start)
            }
            node = try checked(ExpressionNode(
                .count(node, propertyRange: property.range), range: node.range.union(property.range)))
        }
        return node
    }

    // MARK: Operands

    private mutating func primary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .integer:
            _ = advance()
            return ExpressionNode(.integer(token.text), range: token.range)
        case .fraction:
            _ = advance()
            return ExpressionNode(.fraction(token.text), range: token.range)
        case .string:
            _ = advance()
            return ExpressionNode(.string(token.value), range: token.range)
        case .leftParenthesis:
            return try parenthesized()
        case .identifier:
            return try named()
        default:
            throw ExpressionError("expected an operand, found \(token.display)", at: token.range.start)
        }
    }

    private mutating func parenthesized() throws(ExpressionError) -> ExpressionNode {
        let open = advance()
        try enter(at: open.range.start)
        defer { nesting -= 1 }
        let inner = try operand(after: open) { parser throws(ExpressionError) in try parser.expression() }
        let close = try expect(.rightParenthesis, "')' to match the '(' before")
        return ExpressionNode(inner.kind, range: open.range.union(close.range))
    }

    private mutating func named() throws(ExpressionError) -> ExpressionNode {
        let token = advance()
        switch token.text {
        case "true": return ExpressionNode(.bool(true), range: token.range)
        case "false": return ExpressionNode(.bool(false), range: token.range)
        case "null": return ExpressionNode(.null, range: token.range)
        case "now": return ExpressionNode(.now, range: token.range)
        case "state":
            guard current.kind == .dot else {
                throw ExpressionError(
                    "expected '.' and a field name after 'state', as in 'state.balance'", at: current.range.start)
            }
            _ = advance()
            let field = try expect(.identifier, "a field name after 'state.'")
            return ExpressionNode(.stateField(field.text, fieldRange: field.range), range: token.range.union(field.range))
        default:
            break
        }
        guard current.kind == .leftParenthesis else {
            return ExpressionNode(.name(token.text), range: token.range)
        }
        let open = advance()
        try enter(at: open.range.start)
        defer { nesting -= 1 }
        var arguments: [ExpressionNode] = []
        if current.kind != .rightParenthesis {
            while true {
                arguments.append(try operand(after: previous) { parser throws(ExpressionError) in try parser.expression() })
                guard current.kind == .comma else { break }
                _ = advance()
            }
        }
        let close = try expect(.rightParenthesis, "',' or ')' in the arguments of \(token.display)")
        return try checked(ExpressionNode(.call(token.text, arguments), range: token.range.union(close.range)))
    }
}
