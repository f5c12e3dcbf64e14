import Testing
@testable import DiscoGenCore

@Suite("Expression type errors")
struct ExpressionTypeErrorTests {
    private func error(_ text: String, expecting: SpecType? = nil) -> String {
        ExpressionTestSupport.error(text, expecting: expecting)
    }

    @Test func unknownNames() {
        #expect(error("amout <= state.balance") == "0: unknown name 'amout'; did you mean 'amount'?")
        #expect(error("amount <= state.balanse") == "16: state has no field 'balanse'; did you mean 'balance'?")
        #expect(error("zzz > 1") == "0: unknown name 'zzz'")
        #expect(error("state.zzz > 1") == "6: state has no field 'zzz'")
        #expect(error("balance > 1") == "0: unknown name 'balance'; did you mean 'state.balance'?")
        #expect(error("contains") == "0: unknown name 'contains'; 'contains' is a function: contains(list, x)")
        #expect(ExpressionTestSupport.errors("amout + state.balanse") == [
            "0: unknown name 'amout'; did you mean 'amount'?",
            "14: state has no field 'balanse'; did you mean 'balance'?",
        ])
    }

    @Test func unavailableStateAndNow() {
        let apply = ExpressionTestSupport.applyScope
        #expect(ExpressionTestSupport.error("now", in: apply) == "0: 'now' cannot be used here: an event's apply must not depend on the time")
        let bare = ExpressionScope(names: [:], unavailableStateReason: "a query's params are checked before any state is read")
        #expect(ExpressionTestSupport.error("1 + state.x", in: bare)
            == "4: 'state' cannot be used here: a query's params are checked before any state is read")
        #expect(ExpressionTestSupport.error("state.x", in: ExpressionScope()) == "0: 'state' cannot be used here")
        #expect(ExpressionTestSupport.error("now", in: ExpressionScope()) == "0: 'now' cannot be used here")
    }

    @Test func arithmeticMismatches() {
        #expect(error("name + 1") == "5: cannot add string and int")
        #expect(error("amount - name") == "7: cannot subtract double and string")
        #expect(error("active * 2") == "7: cannot multiply bool and int")
        #expect(error("due / 2") == "4: cannot divide date and int")
        #expect(error("limit + 1") == "6: cannot add int? and int (an optional may be null)")
        #expect(error("tags + name") == "5: cannot add list<string> and string; use append(list, x) to add an element")
        #expect(error("null + 1") == "5: cannot add null and int")
        #expect(error("amount % 2") == "7: '%' needs int operands, not double and double")
        #expect(error("quantity % 1.5") == "9: '%' needs int operands, not int and double")
        #expect(error("amount + price") == "7: cannot mix double and decimal in '+': converting between them could lose precision; use the same number type on both sides")
        #expect(error("quantity / 0") == "11: division by zero")
        #expect(error("quantity % (0)") == "11: division by zero")
        #expect(error("-name") == "0: '-' needs a number, not string")
        #expect(error("-limit") == "0: '-' needs a number, not int? (an optional may be null)")
    }

    @Test func comparisonMismatches() {
        #expect(error("amount < name") == "7: cannot compare double with string")
        #expect(error("amount == name") == "7: cannot compare double with string")
        #expect(error("amount != 'x'") == "7: cannot compare double with string")
        #expect(error("amount <= state.total") == "7: cannot mix double and decimal in '<=': converting between them could lose precision; use the same number type on both sides")
        #expect(error("active < true") == "7: cannot order bool values with '<'; it works on numbers, strings and dates")
        #expect(error("user_id > state.id") == "8: cannot order uuid values with '>'; it works on numbers, strings and dates")
        #expect(error("limit < 3") == "6: cannot compare int? with int using '<' (an optional may be null)")
        #expect(error("note < 'a'") == "5: cannot compare string? with string using '<' (an optional may be null)")
        #expect(error("amount == null") == "7: cannot compare double with null (double is never null)")
        #expect(error("null == null") == "5: cannot compare null with null")
        #expect(error("note < null") == "5: cannot compare string? with null using '<'; only '==' and '!=' work with null")
        #expect(error("limit == amount") == "6: cannot compare int? with double")
        #expect(error("tags == state.scores") == "5: cannot compare list<string> with list<int>")
        #expect(error("due == now + 1") == "11: cannot add date and int")
    }

    @Test func logicMismatches() {
        #expect(error("active && 1") == "7: '&&' needs bool operands, not bool and int")
        #expect(error("name || active") == "5: '||' needs bool operands, not string and bool")
        #expect(error("!amount") == "0: '!' needs a bool, not double")
        #expect(error("!null") == "0: '!' needs a bool, not null")
    }

    @Test func countAndFunctions() {
        #expect(error("amount.count") == "7: '.count' needs a list or a string, not double")
        #expect(error("note.count") == "5: '.count' needs a list or a string, not string? (an optional may be null)")
        #expect(error("contain(tags, 'x')") == "0: unknown function 'contain'; did you mean 'contains'?")
        #expect(error("frobnicate(tags)") == "0: unknown function 'frobnicate'; the functions are append, contains and remove")
        #expect(error("contains(tags)") == "0: 'contains' takes 2 arguments (a list or a string, and the value to look for), not 1")
        #expect(error("append(tags, 'a', 'b')") == "0: 'append' takes 2 arguments (a list and the value to add), not 3")
        #expect(error("remove()") == "0: 'remove' takes 2 arguments (a list and the value to remove), not 0")
        #expect(error("contains(amount, 1)") == "9: 'contains' needs a list or a string as its first argument, not double")
        #expect(error("append(name, 'x')") == "7: 'append' needs a list as its first argument, not string")
        #expect(error("contains(tags, 1)") == "15: cannot look for int in list<string>")
        #expect(error("append(state.scores, name)") == "21: cannot append string to list<int>")
        #expect(error("remove(tags, null)") == "13: cannot remove null from list<string>")
        #expect(error("contains(name, 1)") == "15: cannot look for int in a string; it needs a string")
        #expect(error("append(state.amounts, price)") == "22: cannot append decimal to list<double>")
        #expect(ExpressionTestSupport.errors("frobnicate(amout)") == [
            "0: unknown function 'frobnicate'; the functions are append, contains and remove",
            "11: unknown name 'amout'; did you mean 'amount'?",
        ])
    }

    @Test func literalsOutOfRange() {
        #expect(error("9223372036854775808") == "0: integer 9223372036854775808 is too large for int")
        #expect(error("-9223372036854775809") == "0: integer -9223372036854775809 is too large for int")
        #expect(error("price + 99999999999999999999") == "8: number 99999999999999999999 has too many digits for decimal")
        #expect(error("price + 0.99999999999999999999") == "8: number 0.99999999999999999999 has too many digits for decimal")
        #expect(ExpressionTestSupport.swift("amount + 99999999999999999999") == "command.amount + 99999999999999999999.0")
    }

    @Test func expectedTypes() {
        #expect(error("amount", expecting: .bool) == "0: expected bool, but the expression is double")
        #expect(error("  amount + 1", expecting: .bool) == "2: expected bool, but the expression is double")
        #expect(error("null", expecting: .double) == "0: expected double, but the expression is null (double is not optional)")
        #expect(error("null") == "0: cannot tell the type of null here")
        #expect(error("amount", expecting: .int) == "0: expected int, but the expression is double")
        #expect(error("amount", expecting: .decimal) == "0: expected decimal, but the expression is double")
        #expect(error("note", expecting: .string) == "0: expected string, but the expression is string?")
        #expect(error("state.scores", expecting: .list(.double)) == "0: expected list<double>, but the expression is list<int>")
        #expect(error("1.5", expecting: .int) == "0: expected int, but the expression is double")
    }
}
