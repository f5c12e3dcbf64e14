import ArgumentParser
import DiscoGenCore
import Foundation

extension DiscoGen {
    /// Generates one Swift Testing suite per spec from its examples.
    struct Tests: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate Swift Testing suites from the specs' examples.",
            discussion: """
                Writes one file per spec, named after the spec file: bank_account.yml gives \
                BankAccountExamples.generated.swift, with one @Test per example and boundary \
                checks derived from validation rules. The tests run the aggregate without a store \
                (DiscoTesting's Scenario) and report failures at the example's line in the spec.
                """
        )

        @OptionGroup var options: GenerateOptions

        @Option(
            name: .customLong("import"),
            help: "A module the tests import: the one holding the generated aggregates. Repeat for several."
        )
        var imports: [String] = []

        @Option(
            help: ArgumentHelp(
                "Generate the suites disabled, with this reason (for fixtures whose tests are called by hand).",
                visibility: .hidden
            )
        )
        var disabled: String?

        @Option(
            help: "The folder to write the generated files to; the current folder by default.",
            completion: .directory
        )
        var outputDirectory: String = "."

        @Flag(
            help: "Write nothing; fail and name the files whose committed content differs from what the specs generate."
        )
        var check = false

        func run() async throws {
            let imports = imports
            let disabled = disabled
            let outputs = try GeneratorRun(options: options).generateAll { pipeline, yaml, file, lock in
                try pipeline.generateExampleTests(
                    yaml: yaml,
                    file: file,
                    imports: imports,
                    disabledReason: disabled,
                    lock: lock
                )
            }.map(\.output)
            let writer = OutputWriter(directory: outputDirectory)
            try writer.checkDistinctNames(outputs)
            if check {
                let stale = try outputs.filter { try writer.isStale($0) }
                for output in stale { print("stale: \(writer.path(for: output))") }
                guard stale.isEmpty else {
                    Console.error(
                        "\(stale.count) generated test file(s) differ from their specs; run disco-gen tests to regenerate them"
                    )
                    throw ExitCode.failure
                }
                print("All \(outputs.count) generated test file(s) are up to date.")
                return
            }
            for output in outputs {
                print(
                    try writer.write(output)
                        ? "wrote \(writer.path(for: output))" : "unchanged \(writer.path(for: output))"
                )
            }
        }
    }
}
