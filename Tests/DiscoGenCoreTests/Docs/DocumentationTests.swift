import DiscoGenCore
import Foundation
import Testing

/// The documentation stages: what the translator takes from a checked spec, and how the
/// Markdown and Mermaid renderers keep any text intact.
@Suite struct DocumentationTests {
    static let spec = """
        aggregate: Account
        description: "An *account* with <b>markup</b> and `ticks`"
        state:
          balance: decimal
          tags: list<string>
        commands:
          open:
            creates: true
            params:
              name: { type: string, min_length: 2, messages: { min_length: "is `too` | short" } }
              limit: { type: int, default: 10, max: 100 }
              tags: list<string>?
            emit: opened
          take:
            params:
              amount: { type: decimal, greater_than: 0 }
            require:
              - check: amount <= state.balance
                field: amount
                message: exceeds the balance
            emit:
              - event: taken
              - event: emptied
                when: state.balance - amount == 0
          end:
            handler: swift
        events:
          opened:
            version: 2
            fields: { name: string }
            apply: { balance: 0 }
            upcast:
              - from: 1
                fields: { title: string }
                with: { name: title }
          taken:
            renamed_from: [withdrawn]
            fields: { amount: decimal }
            apply: { balance: state.balance - amount }
          emptied:
        queries:
          all_accounts:
            where: {}
        """

    func documentation() throws -> AggregateDocumentation {
        let checked = try GeneratorPipeline().check(yaml: Self.spec, file: "Specs/account.yml").spec
        return DocumentationTranslator().translate(checked)
    }

    @Test func paramsListTheirChecksWithTheRuntimesMessages() throws {
        let doc = try documentation()
        let open = try #require(doc.commands.first)
        #expect(open.params.map(\.name) == ["id", "name", "limit", "tags"])
        #expect(open.params[0].isRequired == false)
        #expect(open.params[0].rules.map(\.message) == ["must be a valid UUID string", "already exists"])
        #expect(open.params[1].rules.map(\.message) == ["must be a string", "must be present", "is `too` | short"])
        #expect(open.params[2].defaultValue == "10")
        #expect(open.params[2].rules.map(\.rule) == ["type", "max: 100"])
        #expect(
            open.params[2].rules.map(\.message) == ["must be an integer", "must be a number less than or equal to 100"]
        )
        #expect(open.params[3].type == "list<string>?")
        #expect(open.params[3].rules.map(\.message) == ["must be a list", "item N must be a string"])
        let take = doc.commands[1]
        #expect(take.params[0].rules.map(\.message) == ["must be a valid UUID string", "not found"])
        #expect(take.businessRules.map(\.check) == ["amount <= state.balance"])
        #expect(take.businessRules.map(\.field) == ["amount"])
        #expect(take.businessRules.map(\.message) == ["exceeds the balance"])
        #expect(take.emits.map(\.when) == [nil, "state.balance - amount == 0"])
        #expect(doc.commands[2].isHandwritten)
    }

    @Test func eventsKnowWhoEmitsThemAndTheirVersions() throws {
        let doc = try documentation()
        let opened = doc.events[0]
        #expect(opened.version == 2)
        #expect(opened.history.map(\.version) == [1, 2])
        #expect(opened.history[0].fields.map(\.name) == ["title"])
        let sets = opened.history[0].upcast.compactMap { change -> String? in
            if case .set(let assignment) = change { return "\(assignment.field) = \(assignment.expression)" }
            return nil
        }
        #expect(sets == ["name = title"])
        #expect(opened.history[0].upcast.contains(.drop("title")))
        #expect(opened.emittedBy.map(\.command) == ["open"])
        #expect(opened.emittedBy.map(\.when) == [nil])
        #expect(doc.events[1].renamedFrom == ["withdrawn"])
        #expect(doc.events[2].emittedBy.map(\.command) == ["take"])
        #expect(doc.events[2].emittedBy.map(\.when) == ["state.balance - amount == 0"])
    }

    @Test func theDiagramDrawsConditionalEmissionsDashedAndKeepsKeywordsApart() throws {
        let doc = try documentation()
        let lines = MermaidRenderer().render(doc.diagram)
        #expect(lines.first == "flowchart LR")
        #expect(lines.contains("    command_take --> event_taken"))
        #expect(lines.contains("    command_take -. when .-> event_emptied"))
        #expect(lines.contains("    event_taken --> state_balance"))
        #expect(lines.contains(#"        command_end("end (Swift)")"#))
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("end ") })
    }

    @Test func markdownKeepsHostileTextIntact() throws {
        let page = MarkdownDocsRenderer().render(try documentation())
        #expect(page.contains(#"An \*account\* with \<b\>markup\</b\> and \`ticks\`"#))
        // A message with a backtick and a pipe, in a table cell: a longer fence, the pipe escaped.
        #expect(page.contains(#"`min_length: 2` → ``"is `too` \| short"``"#))
        #expect(page.contains("- `emptied` when `state.balance - amount == 0`"))
        #expect(page.contains("| 1 | `title: string` | `name = title`, `title` dropped; other fields carried over |"))
        #expect(!page.contains("](../"), "no links to the spec without a link base")
    }

    @Test func pagesLinkToTheirSpecFromTheOutputFolder() throws {
        let checked = try GeneratorPipeline().check(yaml: Self.spec, file: "Specs/account.yml").spec
        let outputs = try GeneratorPipeline().generateDocs([checked], specLinkBase: "../..")
        #expect(outputs.map(\.fileName) == ["Account.md", "README.md"])
        #expect(outputs[0].source.contains("[`Specs/account.yml`](../../Specs/account.yml)"))
        #expect(outputs[1].source.contains("| [Account](Account.md) |"))
    }

    @Test func renderingIsDeterministic() throws {
        let checked = try GeneratorPipeline().check(yaml: Self.spec, file: "Specs/account.yml").spec
        let first = try GeneratorPipeline().generateDocs([checked]).map(\.source)
        let second = try GeneratorPipeline().generateDocs([checked]).map(\.source)
        #expect(first == second)
    }
}
