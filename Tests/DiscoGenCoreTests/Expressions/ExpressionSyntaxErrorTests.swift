import Testing
@testable import DiscoGenCore

@Suite("Expression syntax errors")
struct ExpressionSyntaxErrorTests {
    private func error(_ text: String) -> String { ExpressionTestSupport.error(text) }

    @Test func lexicalErrors() {
        #expect(error("amount = 1") == "7: unexpected '='; write '==' to compare")
        #expect(error("active & active") == "7: unexpected '&'; write '&&' for 'and'")
        #expect(error("active | active") == "7: unexpected '|'; write '||' for 'or'")
        #expect(error(#"name == "x""#) == "8: strings are written in single quotes: 'like this'")
        #expect(error("amount # comment") == "7: unexpected character '#'")
        #expect(error("amount > 1 ; drop") == "11: unexpected character ';'")
        #expect(error("naïve") == "2: unexpected character 'ï'")
        #expect(error("name == 'abc") == "8: unterminated string; end it with ' (write '' for a quote inside a string)")
        #expect(error("12abc + 1") == "0: invalid number '12abc'")
        #expect(error("x\u{1}") == "1: unexpected character '\\u{1}'")
    }

    @Test func missingOperands() {
        #expect(error("") == "0: expected an expression")
        #expect(error("   ") == "3: expected an expression")
        #expect(error("amount +") == "8: expected an operand after '+', found the end of the expression")
        #expect(error("amount + * 2") == "9: expected an operand after '+', found '*'")
        #expect(error("amount <= ") == "10: expected an operand after '<=', found the end of the expression")
        #expect(error("!") == "1: expected an operand after '!', found the end of the expression")
        #expect(error("- )") == "2: expected an operand after '-', found ')'")
        #expect(error("* 2") == "0: expected an operand, found '*'")
        #expect(error("()") == "1: expected an operand after '(', found ')'")
        #expect(error("contains(tags, )") == "15: expected an operand after ',', found ')'")
        #expect(error("contains(, x)") == "9: expected an operand after '(', found ','")
    }

    @Test func unbalancedAndUnexpected() {
        #expect(error("(amount + 1") == "11: expected ')' to match the '(' before, found the end of the expression")
        #expect(error("amount + 1)") == "10: expected an operator or the end of the expression, found ')'")
        #expect(error("amount amount") == "7: expected an operator or the end of the expression, found 'amount'")
        #expect(error("amount 'x'") == "7: expected an operator or the end of the expression, found the string 'x'")
        #expect(error("contains(tags 'x')") == "14: expected ',' or ')' in the arguments of 'contains', found the string 'x'")
        #expect(error("1 < 2 < 3") == "6: comparisons cannot be chained; combine them with '&&'")
        #expect(error("a == b != c") == "7: comparisons cannot be chained; combine them with '&&'")
    }

    @Test func stateAndProperties() {
        #expect(error("state") == "5: expected '.' and a field name after 'state', as in 'state.balance'")
        #expect(error("state + 1") == "6: expected '.' and a field name after 'state', as in 'state.balance'")
        #expect(error("state.") == "6: expected a field name after 'state.', found the end of the expression")
        #expect(error("state.1") == "6: expected a field name after 'state.', found '1'")
        #expect(error("tags.") == "5: expected a property name after '.', found the end of the expression")
        #expect(error("tags.cout") == "5: unknown property 'cout'; did you mean 'count'?")
        #expect(error("tags.length") == "5: unknown property 'length'; the only property is 'count'")
        #expect(error(".5") == "0: expected an operand, found '.'")
    }

    @Test func longTokensAreShortenedInMessages() {
        let long = String(repeating: "a", count: 100)
        #expect(error("x \(long)") == "2: expected an operator or the end of the expression, found '\(String(repeating: "a", count: 32))...'")
    }

    @Test func columnsAreOnTheSpecLine() {
        let (_, diagnostics) = ExpressionTestSupport.check("amount + * 2")
        #expect(diagnostics.map(\.description) == ["Specs/test.yml:10:23: error: expected an operand after '+', found '*'"])
    }

    @Test func multiLineTextMovesToLaterLines() {
        let (_, diagnostics) = ExpressionTestSupport.check("amount > 0 &&\n  amout > 1")
        #expect(diagnostics.map(\.description) == ["Specs/test.yml:11:3: error: unknown name 'amout'; did you mean 'amount'?"])
        let (_, crlf) = ExpressionTestSupport.check("amount > 0 &&\r\n\r\n amout > 1")
        #expect(crlf.map(\.location.line) == [12])
        #expect(crlf.map(\.location.column) == [2])
    }
}
