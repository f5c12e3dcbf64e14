import ArgumentParser
import DiscoGenCore
import Foundation

extension DiscoGen {
    /// Writes one Markdown page per spec's aggregate and an index page.
    struct Docs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate Markdown documentation from specs.",
            discussion: """
                Writes one page per aggregate, named after it (Wallet.md): its state, commands (params, \
                validation rules with their exact messages, business rules, the events they emit and when), \
                events (fields, version history, upcast steps), queries, examples as given / when / then \
                scenarios and a Mermaid diagram, plus README.md, the index. A file whose content did not \
                change is not rewritten.
                """
        )

        @OptionGroup var specs: SpecInputs

        @Option(help: "The folder to write the pages to; the current folder by default.", completion: .directory)
        var outputDirectory: String = "."

        @Flag(
            help: "Write nothing; fail and name the pages whose committed content differs from what the specs generate."
        )
        var check = false

        func run() async throws {
            let checked = try specs.checkedSpecs()
            let outputs = try GeneratorPipeline().generateDocs(checked, specLinkBase: Self.linkBase(outputDirectory))
            let writer = OutputWriter(directory: outputDirectory)
            try writer.checkDistinctNames(outputs, fix: "two specs name the same aggregate")
            if check {
                let stale = try outputs.filter { try writer.isStale($0) }
                for output in stale { print("stale: \(writer.path(for: output))") }
                guard stale.isEmpty else {
                    Console.error(
                        "\(stale.count) documentation page(s) differ from their specs; run disco-gen docs to regenerate them"
                    )
                    throw ExitCode.failure
                }
                print("All \(outputs.count) documentation page(s) are up to date.")
                return
            }
            for output in outputs {
                print(
                    try writer.write(output)
                        ? "wrote \(writer.path(for: output))" : "unchanged \(writer.path(for: output))"
                )
            }
        }

        /// The path from a relative output folder back to the current folder (`../..` for
        /// `Docs/Aggregates`), which spec paths given relative are relative to; `nil` when the
        /// folder is absolute or climbs out with `..`.
        static func linkBase(_ directory: String) -> String? {
            guard !directory.hasPrefix("/") else { return nil }
            let parts = directory.split(separator: "/").filter { $0 != "." }
            guard !parts.contains("..") else { return nil }
            return parts.map { _ in ".." }.joined(separator: "/")
        }
    }
}
