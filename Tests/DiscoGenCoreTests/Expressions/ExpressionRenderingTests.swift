import Testing

@testable import DiscoGenCore

@Suite("Expression rendering")
struct ExpressionRenderingTests {
    private func swift(_ text: String, expecting: SpecType? = nil) -> String {
        ExpressionTestSupport.swift(text, expecting: expecting)
    }

    private func type(_ text: String, expecting: SpecType? = nil) -> SpecType? {
        ExpressionTestSupport.check(text, expecting: expecting).0?.type
    }

    @Test func theWalletExample() {
        #expect(swift("amount <= state.balance", expecting: .bool) == "command.amount <= state.balance")
        let apply = ExpressionTestSupport.swift(
            "state.balance + amount",
            expecting: .double,
            in: ExpressionTestSupport.applyScope
        )
        #expect(apply == "state.balance + event.amount")
    }

    @Test func namesStateAndNow() {
        #expect(swift("amount") == "command.amount")
        #expect(swift("user_id") == "command.userId")
        #expect(swift("state.created_at") == "state.createdAt")
        #expect(swift("now") == "context.now")
        #expect(swift("due < now") == "command.due < context.now")
        #expect(ExpressionTestSupport.swift("quantity * 2", names: .query) == "self.quantity * 2")
        #expect(ExpressionTestSupport.swift("now", names: .query) == "Date()")
        let odd = SwiftNames(params: "a ?? b", eventFields: "event", now: "now()")
        #expect(ExpressionTestSupport.swift("quantity * 2", names: odd) == "(a ?? b.quantity) * 2")
        #expect(ExpressionTestSupport.swift("now", names: odd) == "now()")
    }

    @Test func literals() {
        #expect(swift("42") == "42")
        #expect(swift("007") == "7")
        #expect(swift("-5") == "-5")
        #expect(swift("-9223372036854775808") == "-9223372036854775808")
        #expect(swift("2.50") == "2.50")
        #expect(swift("true") == "true")
        #expect(swift("false") == "false")
        #expect(swift("'hi'") == #""hi""#)
        #expect(swift("0", expecting: .double) == "0.0")
        #expect(swift("-3", expecting: .double) == "-3.0")
        #expect(swift("0", expecting: .decimal) == "Decimal(0)")
        #expect(swift("2.50", expecting: .decimal) == "Decimal(sign: .plus, exponent: -2, significand: 250)")
        #expect(swift("0.05", expecting: .optional(.decimal)) == "Decimal(sign: .plus, exponent: -2, significand: 5)")
        #expect(swift("-1.5", expecting: .decimal) == "-Decimal(sign: .plus, exponent: -1, significand: 15)")
        #expect(swift("null", expecting: .optional(.string)) == "nil")
        #expect(type("null", expecting: .optional(.string)) == .optional(.string))
    }

    @Test func literalsAdaptToTheNumberTheyMeet() {
        #expect(swift("amount > 0") == "command.amount > 0.0")
        #expect(swift("0 < amount") == "0.0 < command.amount")
        #expect(swift("price >= 0.1") == "command.price >= Decimal(sign: .plus, exponent: -1, significand: 1)")
        #expect(swift("quantity * 2") == "command.quantity * 2")
        #expect(swift("state.balance - 1.5") == "state.balance - 1.5")
        #expect(swift("state.total + 1") == "state.total + Decimal(1)")
        #expect(swift("amount * (1 + 2)") == "command.amount * (1.0 + 2.0)")
        #expect(swift("limit == 3") == "command.limit == 3")
        #expect(swift("contains(state.amounts, 1)") == "state.amounts.contains(1.0)")
        #expect(swift("append(state.scores, -1)") == "(state.scores + [-1])")
    }

    @Test func literalOnlyExpressionsTakeTheExpectedType() {
        #expect(swift("1 / 2", expecting: .double) == "1.0 / 2.0")
        #expect(swift("1 / 2") == "1 / 2")
        #expect(type("1 / 2") == .int)
        #expect(swift("1 + 2.5") == "1.0 + 2.5")
        #expect(swift("7 % 2", expecting: .double) == "Double(7 % 2)")
        #expect(swift("1 < 2.5") == "Double(1.0) < 2.5")
    }

    @Test func intPromotionIsExplicit() {
        #expect(swift("quantity * amount") == "Double(command.quantity) * command.amount")
        #expect(swift("amount < state.visits") == "command.amount < Double(state.visits)")
        #expect(swift("price * quantity") == "command.price * Decimal(command.quantity)")
        #expect(swift("quantity * 1.5") == "Double(command.quantity) * 1.5")
        #expect(swift("quantity == amount") == "Double(command.quantity) == command.amount")
        #expect(swift("quantity", expecting: .double) == "Double(command.quantity)")
        #expect(type("quantity", expecting: .double) == .double)
        #expect(swift("quantity + 1", expecting: .decimal) == "Decimal(command.quantity + 1)")
        #expect(swift("quantity / 2", expecting: .double) == "Double(command.quantity / 2)")
        #expect(swift("quantity", expecting: .optional(.double)) == "Double(command.quantity)")
        #expect(swift("contains(state.amounts, quantity)") == "state.amounts.contains(Double(command.quantity))")
    }

    @Test func expectedOptionalsAcceptTheirWrappedType() {
        #expect(swift("name", expecting: .optional(.string)) == "command.name")
        #expect(type("name", expecting: .optional(.string)) == .string)
        #expect(swift("note", expecting: .optional(.string)) == "command.note")
    }

    @Test func parenthesesWherePrecedenceCouldDiffer() {
        #expect(swift("quantity + state.visits * 2") == "command.quantity + (state.visits * 2)")
        #expect(swift("(quantity + state.visits) * 2") == "(command.quantity + state.visits) * 2")
        #expect(swift("quantity - state.visits - 1") == "(command.quantity - state.visits) - 1")
        #expect(swift("quantity - (state.visits - 1)") == "command.quantity - (state.visits - 1)")
        #expect(
            swift("active && !state.closed || amount > 1")
                == "(command.active && !state.closed) || (command.amount > 1.0)"
        )
        #expect(swift("!(active && state.closed)") == "!(command.active && state.closed)")
        #expect(swift("!!active") == "!(!command.active)")
        #expect(swift("-(-quantity)") == "-(-command.quantity)")
        #expect(swift("- -quantity") == "-(-command.quantity)")
        #expect(swift("-(quantity + 1)") == "-(command.quantity + 1)")
        #expect(swift("quantity - -1") == "command.quantity - -1")
        #expect(swift("-(-1)") == "-(-1)")
        #expect(swift("(name + 'x').count") == #"(command.name + "x").count"#)
        #expect(swift("-state.items.count") == "-state.items.count")
    }

    @Test func stringsListsAndFunctions() {
        #expect(swift("name + ' ' + 'x'") == #"(command.name + " ") + "x""#)
        #expect(swift("name < 'm'") == #"command.name < "m""#)
        #expect(swift("name.count >= 3") == "command.name.count >= 3")
        #expect(swift("state.items.count") == "state.items.count")
        #expect(swift("contains(tags, 'vip')") == #"command.tags.contains("vip")"#)
        #expect(swift("contains(name, 'x')") == #"command.name.contains("x")"#)
        #expect(swift("append(state.items, name)") == "(state.items + [command.name])")
        #expect(swift("append(state.items, name).count") == "(state.items + [command.name]).count")
        #expect(swift("remove(state.items, name)") == "state.items.filter({ $0 != command.name })")
        #expect(
            swift("remove(remove(state.items, 'a'), name)")
                == #"state.items.filter({ $0 != "a" }).filter({ $0 != command.name })"#
        )
        #expect(swift("remove(state.items, name + 'x')") == #"state.items.filter({ $0 != (command.name + "x") })"#)
        #expect(swift("contains(append(tags, 'a'), name)") == #"(command.tags + ["a"]).contains(command.name)"#)
        #expect(swift("contains(state.maybe, null)") == "state.maybe.contains(nil)")
        #expect(swift("append(state.maybe, 3)") == "(state.maybe + [3])")
        #expect(type("remove(state.items, name)") == .list(.string))
        #expect(type("contains(tags, 'vip')") == .bool)
        #expect(type("tags.count") == .int)
    }

    @Test func equalityWithOptionalsAndNull() {
        #expect(swift("note == null") == "command.note == nil")
        #expect(swift("null != state.nickname") == "nil != state.nickname")
        #expect(swift("note == name") == "command.note == command.name")
        #expect(swift("note == 'x'") == #"command.note == "x""#)
        #expect(swift("user_id == state.id") == "command.userId == state.id")
        #expect(swift("tags == state.items") == "command.tags == state.items")
        #expect(swift("active == false") == "command.active == false")
    }

    @Test func hostileStringLiteralsCannotInject() {
        #expect(swift(#"name == '"); exit(1); ("'"#) == #"command.name == "\"); exit(1); (\"""#)
        #expect(swift(#"'\(evil)'"#) == #""\\(evil)""#)
        #expect(swift(#"'"""'"#) == #""\"\"\"""#)
        #expect(swift(##"'"#'"##) == ##""\"#""##)
        #expect(swift("'a\nb\r\tc'") == #""a\nb\r\tc""#)
        #expect(swift("'\u{0}\u{7F}\u{202E}'") == #""\u{0}\u{7F}\u{202E}""#)
        #expect(swift("'café 日本 🎉'") == "\"café 日本 🎉\"")
        #expect(swift("'it''s'") == #""it's""#)
    }
}
