import DiscoGenCore
import Foundation

/// Paths inside this repository, found from this file's place.
enum RepositoryPaths {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DiscoGenReferenceTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Specs/`: the example specs.
    static let specs = root.appendingPathComponent("Specs")
    /// Specs that exist to test the generator (hostile text, keywords), not as examples.
    static let testSpecs = root.appendingPathComponent("Tests/DiscoGenReferenceTests/Specs")
    /// `Templates/`.
    static let templates = root.appendingPathComponent("Templates")
    /// The committed generated sources, compiled by the `DiscoExamples` target.
    static let generated = root.appendingPathComponent("Sources/DiscoExamples/Generated")
    /// The embedded copy of the templates.
    static let embeddedTemplates = root.appendingPathComponent("Sources/DiscoGenCore/Renderer/EmbeddedTemplates.swift")

    /// The lock beside a spec, when it has one, as `disco-gen` reads it.
    /// - Parameter specPath: The spec's path relative to the repository.
    static func lock(forSpec specPath: String) throws -> SpecLock? {
        try SpecLockFile.read(forSpec: root.appendingPathComponent(specPath).path).lock
    }
}
