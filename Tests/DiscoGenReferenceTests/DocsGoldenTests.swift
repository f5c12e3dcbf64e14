import DiscoGenCore
import Foundation
import Testing

/// The specs in `Specs/` generate exactly the committed pages in `Docs/Aggregates/`, and the
/// hostile-text spec exactly `Tests/Fixtures/Docs/`: the pages are their own golden files.
///
/// After an intended change, regenerate them with
/// `swift run disco-gen docs Specs --output-directory Docs/Aggregates` and
/// `swift run disco-gen docs Tests/DiscoGenReferenceTests/Specs --output-directory Tests/Fixtures/Docs`.
@Suite struct DocsGoldenTests {
    /// Each set of specs and the folder of its committed pages.
    static let sets: [(specs: String, pages: String)] = [
        ("Specs", "Docs/Aggregates"),
        ("Tests/DiscoGenReferenceTests/Specs", "Tests/Fixtures/Docs"),
    ]

    static func specPaths(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.root.appendingPathComponent(folder).path))
            ?? [])
            .filter { $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func theGoldensCoverTheWalletAndTheBankAccount() {
        #expect(Self.specPaths(in: "Specs").contains("Specs/wallet.yml"))
        #expect(Self.specPaths(in: "Specs").contains("Specs/bank_account.yml"))
    }

    @Test(arguments: [0, 1])
    func generatedPagesMatchTheCommittedOnes(set: Int) throws {
        let (folder, pages) = Self.sets[set]
        let pipeline = try GeneratorPipeline()
        let checked = try Self.specPaths(in: folder).map { path in
            try pipeline.check(
                yaml: try String(contentsOf: RepositoryPaths.root.appendingPathComponent(path), encoding: .utf8),
                file: path,
                lock: RepositoryPaths.lock(forSpec: path)
            ).spec
        }
        let depth = pages.split(separator: "/").map { _ in ".." }.joined(separator: "/")
        let outputs = pipeline.generateDocs(checked, specLinkBase: depth)
        let committed = try FileManager.default.contentsOfDirectory(
            atPath: RepositoryPaths.root.appendingPathComponent(pages).path
        ).filter { $0.hasSuffix(".md") }.sorted()
        #expect(committed == outputs.map(\.fileName).sorted(), "the pages in \(pages) are not those the specs generate")
        for output in outputs {
            let golden = try String(
                contentsOf: RepositoryPaths.root.appendingPathComponent("\(pages)/\(output.fileName)"),
                encoding: .utf8
            )
            let generatedLines = output.source.split(separator: "\n", omittingEmptySubsequences: false)
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            if let first = zip(generatedLines, goldenLines).enumerated().first(where: { $1.0 != $1.1 }) {
                Issue.record(
                    "\(pages)/\(output.fileName):\(first.offset + 1) differs\n  golden:    \(first.element.1)\n  generated: \(first.element.0)"
                )
            }
            #expect(generatedLines.count == goldenLines.count, "\(output.fileName) has another length than its golden")
        }
    }
}
