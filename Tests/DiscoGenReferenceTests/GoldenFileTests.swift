import DiscoGenCore
import Foundation
import Testing

/// Every spec in `Specs/` generates exactly the committed file in
/// `Sources/DiscoExamples/Generated/`, which the `DiscoExamples` target compiles and
/// `DiscoExamplesTests` runs.
///
/// After an intended change, regenerate the goldens with
/// `swift run disco-gen Specs --access-modifier public --output-directory Sources/DiscoExamples/Generated`.
@Suite struct GoldenFileTests {
    static let specNames: [String] = (try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.specs.path))?
        .filter { $0.hasSuffix(".yml") }.sorted() ?? []

    @Test func everySpecHasAGolden() {
        #expect(Self.specNames.contains("wallet.yml"))
    }

    @Test(arguments: specNames)
    func generatedSourceMatchesGolden(specName: String) throws {
        let yaml = try String(contentsOf: RepositoryPaths.specs.appendingPathComponent(specName), encoding: .utf8)
        let pipeline = try GeneratorPipeline(options: GeneratorOptions(accessModifier: .public))
        let output = try pipeline.generate(yaml: yaml, file: "Specs/\(specName)")
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
