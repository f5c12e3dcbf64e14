import ArgumentParser
import DiscoGenCore
import Foundation

extension DiscoGen {
    /// Writes the OpenAPI document of a set of specs.
    struct OpenAPI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Generate the OpenAPI 3.1 document of a set of specs, as DiscoHTTP serves them.",
            discussion: """
                One JSON document (sorted keys) for all the specs given: each command as POST \
                /commands/<name>, each query as GET /queries/<name>, each aggregate as GET \
                /aggregates/<Aggregate>/{id}. The specs are served by one orchestrator, so a command, \
                query or aggregate name defined by two of them is an error naming both: document such \
                specs one at a time. The file is not rewritten when its content did not change.
                """
        )

        @OptionGroup var specs: SpecInputs

        @Option(help: "The file to write the document to.", completion: .file(extensions: ["json"]))
        var output: String

        @Option(help: "The document's info.title; from the aggregates' names by default.")
        var title: String?

        @Flag(help: "Write nothing; fail when the file differs from what the specs generate.")
        var check = false

        func run() async throws {
            let checked = try specs.checkedSpecs()
            let pipeline = try GeneratorPipeline()
            let text: String
            do throws(Diagnostics) {
                text = try pipeline.generateOpenAPI(checked, title: title)
            } catch {
                for diagnostic in error.all { Console.diagnostic(diagnostic) }
                throw ExitCode.failure
            }
            let existing = FileManager.default.contents(atPath: output)
            let isStale = existing != Data(text.utf8)
            if check {
                guard !isStale else {
                    print("stale: \(output)")
                    Console.error("the OpenAPI document differs from the specs; run disco-gen openapi to regenerate it")
                    throw ExitCode.failure
                }
                print("The OpenAPI document \(output) is up to date.")
                return
            }
            guard isStale else {
                print("unchanged \(output)")
                return
            }
            let url = URL(fileURLWithPath: output)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
            print("wrote \(output)")
        }
    }
}
