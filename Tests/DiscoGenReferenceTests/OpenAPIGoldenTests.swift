import DiscoGenCore
import Foundation
import Testing

/// Each spec in `Specs/` generates exactly its committed OpenAPI document in `Docs/openapi/`
/// (one per spec: wallet and bank_account both define deposit and withdraw).
///
/// The hostile-text spec's document is kept in `Tests/Fixtures/OpenAPI/`.
///
/// After an intended change, regenerate them with
/// `for s in Specs/*.yml; do swift run disco-gen openapi $s --output Docs/openapi/$(basename $s .yml).json; done` and
/// `swift run disco-gen openapi Tests/DiscoGenReferenceTests/Specs/hostile_text.yml --output Tests/Fixtures/OpenAPI/hostile_text.json`.
@Suite struct OpenAPIGoldenTests {
    static let specPaths: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.specs.path)) ?? [])
        .filter { $0.hasSuffix(".yml") }.sorted().map { "Specs/\($0)" }

    /// The spec of hostile text, whose document is kept in `Tests/Fixtures/OpenAPI/`.
    static let hostileSpec = "Tests/DiscoGenReferenceTests/Specs/hostile_text.yml"

    @Test func everySpecHasItsDocument() throws {
        #expect(Self.specPaths.contains("Specs/wallet.yml"))
        let documents = try FileManager.default.contentsOfDirectory(
            atPath: RepositoryPaths.root.appendingPathComponent("Docs/openapi").path
        ).filter { $0.hasSuffix(".json") }.sorted()
        #expect(
            documents
                == Self.specPaths.map {
                    ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yml", with: ".json")
                }
        )
    }

    @Test(arguments: specPaths + [hostileSpec])
    func documentMatchesGolden(specPath: String) throws {
        let yaml = try String(contentsOf: RepositoryPaths.root.appendingPathComponent(specPath), encoding: .utf8)
        let pipeline = try GeneratorPipeline()
        let text = try pipeline.generateOpenAPI([try pipeline.check(yaml: yaml, file: specPath).spec])
        let name = (specPath as NSString).lastPathComponent.replacingOccurrences(of: ".yml", with: ".json")
        let folder = specPath == Self.hostileSpec ? "Tests/Fixtures/OpenAPI" : "Docs/openapi"
        let golden = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("\(folder)/\(name)"),
            encoding: .utf8
        )
        let generatedLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(generatedLines, goldenLines).enumerated().first(where: { $1.0 != $1.1 }) {
            Issue.record(
                "\(name):\(first.offset + 1) differs\n  golden:    \(first.element.1)\n  generated: \(first.element.0)"
            )
        }
        #expect(generatedLines.count == goldenLines.count, "\(name) has another length than its golden")
    }
}
