import Testing
@testable import DiscoGenCore

@Suite("Expression parser")
struct ExpressionParserTests {
    private func tree(_ text: String) -> String { ExpressionTestSupport.tree(text) }

    @Test func literalsAndNames() {
        #expect(tree("42") == "42")
        #expect(tree("2.50") == "2.50")
        #expect(tree("'it''s'") == "'it's'")
        #expect(tree("true") == "true")
        #expect(tree("false") == "false")
        #expect(tree("null") == "null")
        #expect(tree("now") == "now")
        #expect(tree("amount") == "amount")
        #expect(tree("state.balance") == "(state balance)")
        #expect(tree("  state . balance  ") == "(state balance)")
    }

    @Test func precedenceFollowsSwift() {
        #expect(tree("a + b * c") == "(+ a (* b c))")
        #expect(tree("a * b + c") == "(+ (* a b) c)")
        #expect(tree("a - b - c") == "(- (- a b) c)")
        #expect(tree("a / b % c") == "(% (/ a b) c)")
        #expect(tree("(a + b) * c") == "(* (+ a b) c)")
        #expect(tree("a + b < c * d") == "(< (+ a b) (* c d))")
        #expect(tree("a == b && c != d || e") == "(|| (&& (== a b) (!= c d)) e)")
        #expect(tree("a || b && c") == "(|| a (&& b c))")
        #expect(tree("!a && b") == "(&& (! a) b)")
        #expect(tree("!(a && b)") == "(! (&& a b))")
        #expect(tree("-a * b") == "(* (- a) b)")
        #expect(tree("- -a") == "(- (- a))")
        #expect(tree("-a.count") == "(- (count a))")
        #expect(tree("!!a") == "(! (! a))")
        #expect(tree("a <= b") == "(<= a b)")
        #expect(tree("a >= b") == "(>= a b)")
        #expect(tree("a > b") == "(> a b)")
    }

    @Test func postfixCountAndCalls() {
        #expect(tree("state.items.count") == "(count (state items))")
        #expect(tree("'abc'.count") == "(count 'abc')")
        #expect(tree("(a + b).count") == "(count (+ a b))")
        #expect(tree("a.count.count") == "(count (count a))")
        #expect(tree("contains(tags, 'x')") == "(contains tags 'x')")
        #expect(tree("append(state.items, name).count") == "(count (append (state items) name))")
        #expect(tree("remove(state.items, name)") == "(remove (state items) name)")
        #expect(tree("f()") == "(f)")
        #expect(tree("f(a, b, c)") == "(f a b c)")
    }

    @Test func rangesCoverTheText() throws {
        let node = try ExpressionParser.parse("  (a + b) * c")
        #expect(node.range == ExpressionRange(2, 13))
        guard case .binary(.multiply, let lhs, let rhs, let operatorRange) = node.kind else {
            Issue.record("not a product: \(node)")
            return
        }
        #expect(lhs.range == ExpressionRange(2, 9))
        #expect(rhs.range == ExpressionRange(12, 13))
        #expect(operatorRange == ExpressionRange(10, 11))
        let field = try ExpressionParser.parse("state.balance")
        #expect(field.kind == .stateField("balance", fieldRange: ExpressionRange(6, 13)))
    }

    @Test func stringEscapes() throws {
        let tokens = try ExpressionLexer.tokenize(#"'a''b' 'c\d' '' ''''"#)
        #expect(tokens.map(\.value) == ["a'b", #"c\d"#, "", "'", ""])
        #expect(tokens.map(\.kind) == [.string, .string, .string, .string, .end])
        #expect(tokens[1].range == ExpressionRange(7, 12))
    }

    @Test func operatorTokens() throws {
        let tokens = try ExpressionLexer.tokenize("a<=b>=c!=d==e<f>g&&h||!i+-*/%(),.")
        let operators = tokens.filter { $0.kind != .identifier && $0.kind != .end }
        #expect(operators.map(\.text) == [
            "<=", ">=", "!=", "==", "<", ">", "&&", "||", "!", "+", "-", "*", "/", "%", "(", ")", ",", ".",
        ])
        #expect(operators.prefix(4).map(\.range) == [
            ExpressionRange(1, 3), ExpressionRange(4, 6), ExpressionRange(7, 9), ExpressionRange(10, 12),
        ])
        let numbers = try ExpressionLexer.tokenize("12 3.25 4.count")
        #expect(numbers.map(\.kind) == [.integer, .fraction, .integer, .dot, .identifier, .end])
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let tokens = try ExpressionLexer.tokenize("'é日本' + x")
        #expect(tokens.map(\.range.start) == [0, 6, 8, 9])
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let depth = ExpressionParser.maximumDepth + 1
        let parentheses = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(tree(parentheses).hasPrefix("error at \(depth - 1): expression is too deeply nested"))
        #expect(tree(String(repeating: "!", count: 10_000) + "a").contains("too deeply nested"))
        #expect(tree(Array(repeating: "1", count: 10_000).joined(separator: " + ")).contains("too deeply nested"))
        let fine = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        #expect(tree(fine) == "1")
    }
}
