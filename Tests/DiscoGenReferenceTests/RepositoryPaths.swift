import Foundation

/// Paths inside this repository, found from this file's place.
enum RepositoryPaths {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DiscoGenReferenceTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Specs/`.
    static let specs = root.appendingPathComponent("Specs")
    /// `Templates/`.
    static let templates = root.appendingPathComponent("Templates")
    /// The committed generated sources, compiled by the `DiscoExamples` target.
    static let generated = root.appendingPathComponent("Sources/DiscoExamples/Generated")
    /// The embedded copy of the templates.
    static let embeddedTemplates = root.appendingPathComponent("Sources/DiscoGenCore/Renderer/EmbeddedTemplates.swift")
}
