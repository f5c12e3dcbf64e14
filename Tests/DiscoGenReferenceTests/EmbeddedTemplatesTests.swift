import DiscoGenCore
import Foundation
import Testing

/// The templates compiled into disco-gen are exactly those of `Templates/`.
///
/// `DISCO_UPDATE_EMBEDDED_TEMPLATES=1 swift test --filter EmbeddedTemplatesTests` rewrites the copy.
@Suite struct EmbeddedTemplatesTests {
    @Test func embeddedCopyMatchesTemplatesFolder() throws {
        let templates = try TemplateSet.load(from: RepositoryPaths.templates)
        let expected = EmbeddedTemplatesWriter.source(for: templates)
        if ProcessInfo.processInfo.environment["DISCO_UPDATE_EMBEDDED_TEMPLATES"] == "1" {
            try Data(expected.utf8).write(to: RepositoryPaths.embeddedTemplates)
            return
        }
        let embedded = try String(contentsOf: RepositoryPaths.embeddedTemplates, encoding: .utf8)
        #expect(
            embedded == expected,
            "Sources/DiscoGenCore/Renderer/EmbeddedTemplates.swift is stale; run DISCO_UPDATE_EMBEDDED_TEMPLATES=1 swift test --filter EmbeddedTemplatesTests"
        )
        #expect(TemplateSet.embedded.sources == templates.sources)
    }
}
