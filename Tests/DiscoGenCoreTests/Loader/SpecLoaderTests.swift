import DiscoGenCore
import Foundation
import Testing

@Suite struct SpecLoaderTests {
    func load(_ yaml: String) -> (Spec?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let spec = SpecLoader().load(yaml: yaml, file: "spec.yml", diagnostics: &diagnostics)
        return (spec, diagnostics.diagnostics)
    }

    @Test func keepsEveryNodesPlace() throws {
        let (spec, diagnostics) = load(
            """
            aggregate: Wallet
            state:
              balance: double
            commands:
              deposit:
                params:
                  amount: { type: double, greater_than: 0 }
                emit: deposited
            events:
              deposited:
                fields: { amount: double }
                apply: { balance: "state.balance + amount" }
            """
        )
        #expect(diagnostics.isEmpty)
        let loaded = try #require(spec)
        #expect(loaded.aggregate.location == SourceLocation(file: "spec.yml", line: 1, column: 12))
        #expect(loaded.state.first?.type.location == SourceLocation(file: "spec.yml", line: 3, column: 12))
        let param = try #require(loaded.commands.first?.params.first)
        #expect(param.name.location.line == 7)
        #expect(param.rules.first?.kind == .greaterThan)
        #expect(param.rules.first?.arguments.first?.value.text == "0")
        let apply = try #require(loaded.events.first?.apply.first)
        #expect(apply.expression.value == "state.balance + amount")
        #expect(apply.expression.location == SourceLocation(file: "spec.yml", line: 12, column: 24), "after the quote")
    }

    @Test func optionalTypesAreAcceptedInsideBraces() throws {
        let (spec, diagnostics) = load(
            """
            aggregate: Note
            state: { text: string }
            commands:
              write:
                creates: true
                params:
                  text: { type: string? }
                  title: { type: 'string?' }
                  tags: { type: list<string>, optional: true }
                emit: written
            events:
              written: {}
            """
        )
        #expect(diagnostics.isEmpty)
        let params = try #require(spec?.commands.first?.params)
        #expect(params.map(\.type.value) == [.optional(.string), .optional(.string), .list(.string)])
        #expect(params.map(\.isOptional) == [true, true, true])
    }

    @Test func emptyAndNonMappingDocumentsAreErrors() {
        #expect(load("").1.map(\.message) == ["the spec is empty"])
        #expect(load("- a\n- b\n").1.map(\.message) == ["the spec must be a mapping, found a list"])
    }
}
