import DiscoGenCore
import Foundation
import Testing

/// The snapshot schema changes exactly when what a state holds after some events could change.
@Suite struct SnapshotSchemaTests {
    static let wallet = """
        aggregate: Wallet
        state:
          balance: double
        commands:
          create_wallet:
            creates: true
            params:
              balance: { type: double, min: 0 }
            emit: wallet_created
          deposit:
            params:
              amount: { type: double, greater_than: 0 }
            emit: money_deposited
        events:
          wallet_created:
            fields: { balance: double }
            apply: { balance: balance }
          money_deposited:
            fields: { amount: double }
            apply: { balance: state.balance + amount }
        queries:
          list_wallets:
            where: {}
        """

    func schema(_ yaml: String) throws -> String {
        var diagnostics = DiagnosticList()
        let loaded = try #require(SpecLoader().load(yaml: yaml, file: "wallet.yml", diagnostics: &diagnostics))
        let checked = try #require(SpecChecker().check(loaded, diagnostics: &diagnostics), "\(diagnostics)")
        return ViewModelTranslator().translate(checked).snapshotSchemaLiteral
    }

    @Test func theSameSpecGivesTheSameSchema() throws {
        let schema = try schema(Self.wallet)
        #expect(schema == (try self.schema(Self.wallet)))
        #expect(schema.hasPrefix("\"v1-") && schema.count == 2 + 3 + 16)
    }

    @Test func changingHowEventsFoldChangesTheSchema() throws {
        let base = try schema(Self.wallet)
        let changedApply = Self.wallet.replacingOccurrences(
            of: "state.balance + amount",
            with: "state.balance + amount * 2"
        )
        let addedField = Self.wallet.replacingOccurrences(
            of: "  balance: double\ncommands",
            with: "  balance: double\n  note: string\ncommands"
        )
        let renamedEvent = Self.wallet.replacingOccurrences(of: "money_deposited", with: "money_added")
        for changed in [changedApply, addedField, renamedEvent] {
            #expect(changed != Self.wallet)
            #expect(try schema(changed) != base)
        }
    }

    @Test func changingCommandsAndQueriesKeepsTheSchema() throws {
        let base = try schema(Self.wallet)
        let changedRule = Self.wallet.replacingOccurrences(of: "greater_than: 0", with: "greater_than: 1")
        let movedLines = "# a comment moving every line down\n\n" + Self.wallet
        for changed in [changedRule, movedLines] {
            #expect(changed != Self.wallet)
            #expect(try schema(changed) == base)
        }
    }
}
