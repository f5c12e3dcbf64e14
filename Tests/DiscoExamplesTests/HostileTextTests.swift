import Disco
import DiscoExamples
import Foundation
import Testing

/// Text that could break or inject into generated Swift reaches the user exactly as the spec
/// wrote it (`Tests/DiscoGenReferenceTests/Specs/hostile_text.yml`); that the generated file
/// compiles at all is the other half of the proof.
@Suite struct HostileTextTests {
    func start() async throws -> Orchestrator {
        try await Orchestrator.start([HostileText.self], store: InMemoryEventStore())
    }

    @Test func customMessagesKeepQuotesBackslashesAndLineBreaks() async throws {
        let orchestrator = try await start()
        let error = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch("create", ["class": -1])
        }
        #expect(error?.errors?["default"] == [#"must be "quoted" \ and \(not interpolated) """ #{x}"#])
        #expect(error?.errors?["class"] == ["line one\nline two\ttabbed \u{1} control"])
    }

    @Test func stringLiteralsInExpressionsAreNotCode() async throws {
        let orchestrator = try await start()
        await #expect(throws: DispatchError.rejected(["default": ["\"\"\"\nmultiline\n\"\"\""]])) {
            try await orchestrator.dispatch("create", ["default": #"" + evil() + ""#, "class": 1])
        }
        let created = try await orchestrator.dispatch("create", ["default": "ok", "class": 1])
        #expect(created["note"] == .string(#"it's "fine" \n ✓ "\\"#))
        #expect(created["default"] == "ok")
        #expect(created["class"] == 1)
    }

    @Test func regexesAndChoicesSurviveEscaping() async throws {
        let orchestrator = try await start()
        await #expect(throws: DispatchError.invalidParams(["note": ["must have the correct format"]])) {
            try await orchestrator.dispatch("create", ["default": "x", "class": 1, "note": "UPPER"])
        }
        let created = try await orchestrator.dispatch("create", ["default": "x", "class": 1, "note": #"a"\b(x)"#])
        #expect(created["note"] == .string(#"a"\b(x) ✓ "\\"#))
        let id = created.idParam
        await #expect(
            throws: DispatchError.invalidParams(["for": [#"must be one of ["a"b", "c\d", "e\(f)", "日本"]"#]])
        ) {
            try await orchestrator.dispatch("in", ["id": id, "for": "e(f)"])
        }
        let tagged = try await orchestrator.dispatch("in", ["id": id, "for": #"e\(f)"#])
        #expect(tagged["protocol"] == [#"e\(f)"#])
        let found = try await orchestrator.query("by_default", ["default": "x"])
        #expect(found.states.map(\.id) == [created.id])
    }
}
