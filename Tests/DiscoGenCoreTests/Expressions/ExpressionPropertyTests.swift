import Testing
@testable import DiscoGenCore

@Suite("Expression robustness")
struct ExpressionPropertyTests {
    /// A small deterministic generator (SplitMix64), so that a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "amount", "quantity", "price", "name", "note", "limit", "tags", "active", "due", "user_id", "amout",
        "state", "state.balance", "state.items", "state.total", "state.nickname", "state.maybe", ".", ".count",
        "now", "null", "true", "false", "0", "1", "2.5", "007", "9223372036854775808", "'x'", "'it''s'", "'",
        "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "(", ")", ",",
        "contains(", "append(", "remove(", "frob(", " ", "=", "&", "|", "\"", "#", "\n", "é", "\u{0}",
    ]

    static let valid = [
        "amount <= state.balance",
        "state.balance + amount * 2 - (quantity % 3)",
        "contains(state.items, name) && !active || note == null",
        "append(remove(state.items, 'a'), name).count >= 2",
        "price * quantity > state.total && due < now",
    ]

    /// Checks `text` every way; there must be a result or an error, never both, never neither.
    private func checkOutcome(_ text: String) {
        for expecting in [nil, SpecType.bool, .double, .optional(.string)] {
            let (result, diagnostics) = ExpressionTestSupport.check(text, expecting: expecting)
            let errors = diagnostics.filter { $0.severity == .error }
            #expect((result == nil) != errors.isEmpty, "\(text.debugDescription) expecting \(String(describing: expecting))")
            for diagnostic in diagnostics {
                #expect(!diagnostic.message.contains("\n"), "multi-line message for \(text.debugDescription)")
                #expect(diagnostic.location.line >= ExpressionTestSupport.location.line)
                #expect(diagnostic.location.column >= 1)
            }
        }
    }

    @Test func randomTokenSoup() {
        var generator = Generator(state: 0xD15C0)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            checkOutcome(text)
        }
    }

    @Test func randomCharacters() {
        var generator = Generator(state: 42)
        let alphabet = Array("abz_.'()+-*/%=!<>&|, 0123456789\"#\\\u{0}é\n")
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...20, using: &generator)
            checkOutcome(String((0..<count).compactMap { _ in alphabet.randomElement(using: &generator) }))
        }
    }

    @Test(arguments: valid)
    func everyPrefixAndSuffixOfValidExpressions(_ text: String) {
        let (result, diagnostics) = ExpressionTestSupport.check(text)
        #expect(result != nil, "\(diagnostics)")
        let characters = Array(text)
        for length in 0...characters.count {
            checkOutcome(String(characters[..<length]))
            checkOutcome(String(characters[length...]))
        }
    }

    @Test func hugeInputs() {
        checkOutcome(String(repeating: "(", count: 100_000))
        checkOutcome(String(repeating: "-", count: 100_000) + "1")
        checkOutcome(Array(repeating: "amount", count: 50_000).joined(separator: " + "))
        checkOutcome("'" + String(repeating: "x", count: 100_000) + "'")
        checkOutcome(String(repeating: "contains(", count: 10_000))
    }
}
