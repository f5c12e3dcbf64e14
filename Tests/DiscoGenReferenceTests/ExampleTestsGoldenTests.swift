import DiscoGenCore
import Foundation
import Testing

/// The examples of every spec in `Specs/` generate exactly the committed suites in
/// `Tests/DiscoExamplesTests/Generated/`, which `DiscoExamplesTests` compiles and runs; the
/// deliberately wrong fixture generates its disabled suite.
///
/// After an intended change, regenerate them with
/// `swift run disco-gen tests Specs --import DiscoExamples --output-directory Tests/DiscoExamplesTests/Generated` and
/// `swift run disco-gen tests Tests/Fixtures/Examples --import DiscoExamples --disabled "wrong on purpose: WrongExampleTests runs these" --output-directory Tests/DiscoExamplesTests/Generated`.
@Suite struct ExampleTestsGoldenTests {
    static let wrongReason = "wrong on purpose: WrongExampleTests runs these"

    static let specPaths: [String] = ["Specs", "Tests/Fixtures/Examples"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.root.appendingPathComponent(folder).path))
            ?? [])
            .filter { $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func everySpecAndTheWrongFixtureAreCovered() {
        #expect(Self.specPaths.contains("Specs/wallet.yml"))
        #expect(Self.specPaths.contains("Tests/Fixtures/Examples/wrong_wallet.yml"))
    }

    @Test(arguments: specPaths)
    func generatedSuiteMatchesGolden(specPath: String) throws {
        let yaml = try String(contentsOf: RepositoryPaths.root.appendingPathComponent(specPath), encoding: .utf8)
        let output = try GeneratorPipeline().generateExampleTests(
            yaml: yaml,
            file: specPath,
            imports: ["DiscoExamples"],
            disabledReason: specPath.hasPrefix("Tests/") ? Self.wrongReason : nil
        )
        let goldenURL = RepositoryPaths.root.appendingPathComponent(
            "Tests/DiscoExamplesTests/Generated/\(output.fileName)"
        )
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        let generatedLines = output.source.split(separator: "\n", omittingEmptySubsequences: false)
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(generatedLines, goldenLines).enumerated().first(where: { $1.0 != $1.1 }) {
            Issue.record(
                "\(output.fileName):\(first.offset + 1) differs\n  golden:    \(first.element.1)\n  generated: \(first.element.0)"
            )
        }
        #expect(generatedLines.count == goldenLines.count, "\(output.fileName) has another length than its golden")
    }
}
