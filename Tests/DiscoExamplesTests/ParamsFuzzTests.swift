import Disco
import DiscoExamples
import Foundation
import Testing

/// Random params never crash validation: each command either parses or reports
/// validation errors, and every error names a param and says something.
@Suite struct ParamsFuzzTests {
    struct Generator: RandomNumberGenerator {
        private var state: UInt64
        init(seed: UInt64) { self.state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomValue(depth: Int = 0, using random: inout Generator) -> Value {
        switch Int.random(in: 0..<(depth > 1 ? 7 : 9), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .int(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 3: return .double([Double.nan, .infinity, -0.0, 1e308, 0.5, -3.25].randomElement(using: &random) ?? 0)
        case 4: return .string(UUID().uuidString)
        case 5: return .string(["", " ", "ABC-1234", "todo", "2026-01-01T00:00:00Z", "日本", "\u{0}"].randomElement(using: &random) ?? "")
        case 6: return .decimal(Decimal(Int.random(in: -99...99, using: &random)) / 7)
        case 7: return .array((0..<Int.random(in: 0..<5, using: &random)).map { _ in randomValue(depth: depth + 1, using: &random) })
        default:
            return .object(Params((0..<Int.random(in: 0..<3, using: &random)).map { ("k\($0)", randomValue(depth: depth + 1, using: &random)) }))
        }
    }

    func check<State: Aggregate>(_ type: State.Type, using random: inout Generator) {
        let names = ["id", "user_id", "balance", "amount", "owner", "sku", "price", "quantity", "status", "tag", "due_at", "coupons", "title", "priority", "x"]
        for command in State.commandNames {
            for _ in 0..<200 {
                var params = Params()
                for name in names where Bool.random(using: &random) {
                    params[name] = Self.randomValue(using: &random)
                }
                do {
                    _ = try State.command(named: command, params: params)
                } catch {
                    #expect(!error.isEmpty)
                    for (field, messages) in error.fields {
                        #expect(params[field] != nil || !messages.isEmpty)
                        #expect(messages.allSatisfy { !$0.isEmpty })
                    }
                }
            }
        }
    }

    @Test func randomParamsForEveryExampleCommand() {
        var random = Generator(seed: 7)
        check(Wallet.self, using: &random)
        check(BankAccount.self, using: &random)
        check(ShoppingCart.self, using: &random)
        check(TaskItem.self, using: &random)
        check(LibraryLoan.self, using: &random)
    }
}
