import DiscoGenCore
import Foundation
import Testing

/// Every spec in `Specs/` and `Tests/DiscoGenReferenceTests/Specs/` generates exactly the
/// committed file in `Sources/DiscoExamples/Generated/`, which the `DiscoExamples` target
/// compiles and `DiscoExamplesTests` runs.
///
/// After an intended change, regenerate the goldens with
/// `swift run disco-gen Specs Tests/DiscoGenReferenceTests/Specs --access-modifier public --output-directory Sources/DiscoExamples/Generated`.
@Suite struct GoldenFileTests {
    /// Spec paths relative to the repository, as the regeneration command names them.
    static let specPaths: [String] = [
        ("Specs", RepositoryPaths.specs), ("Tests/DiscoGenReferenceTests/Specs", RepositoryPaths.testSpecs),
    ]
    .flatMap { folder, url in
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            .filter { $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func theGoldensCoverTheExamplesAndTheTestSpecs() {
        #expect(Self.specPaths.contains("Specs/wallet.yml"))
        #expect(Self.specPaths.contains("Tests/DiscoGenReferenceTests/Specs/hostile_text.yml"))
    }

    @Test(arguments: specPaths)
    func generatedSourceMatchesGolden(specPath: String) throws {
        let yaml = try String(contentsOf: RepositoryPaths.root.appendingPathComponent(specPath), encoding: .utf8)
        let pipeline = try GeneratorPipeline(options: GeneratorOptions(accessModifier: .public))
        let output = try pipeline.generate(yaml: yaml, file: specPath, lock: RepositoryPaths.lock(forSpec: specPath))
        let goldenURL = RepositoryPaths.generated.appendingPathComponent(output.fileName)
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        if output.source != golden {
            let generatedLines = output.source.split(separator: "\n", omittingEmptySubsequences: false)
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(generatedLines, goldenLines).enumerated().first { $1.0 != $1.1 }
            let line = firstDifference?.offset ?? min(generatedLines.count, goldenLines.count)
            Issue.record(
                """
                \(output.fileName) differs from its golden at line \(line + 1):
                generated: \(line < generatedLines.count ? String(generatedLines[line]) : "<end>")
                golden:    \(line < goldenLines.count ? String(goldenLines[line]) : "<end>")
                """
            )
        }
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    }

    @Test func generationIsDeterministic() throws {
        let yaml = try String(contentsOf: RepositoryPaths.specs.appendingPathComponent("wallet.yml"), encoding: .utf8)
        let first = try GeneratorPipeline().generate(yaml: yaml, file: "Specs/wallet.yml").source
        let second = try GeneratorPipeline().generate(yaml: yaml, file: "Specs/wallet.yml").source
        #expect(first == second)
        #expect(!first.contains(RepositoryPaths.root.path), "no absolute paths in generated code")
    }
}
