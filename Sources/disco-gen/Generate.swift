import ArgumentParser
import DiscoGenCore
import Foundation

extension DiscoGen {
    /// Generates one `<Name>.generated.swift` per spec.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate Swift from specs (the default command).",
            discussion: """
                Writes one file per spec, named after the spec file: bank_account.yml gives \
                BankAccount.generated.swift. A file whose content did not change is not rewritten.
                """
        )

        @OptionGroup var options: GenerateOptions

        @Option(help: "The folder to write the generated files to; the current folder by default.", completion: .directory)
        var outputDirectory: String = "."

        @Flag(help: "Write nothing; fail and name the files whose committed content differs from what the specs generate.")
        var check = false

        @Flag(help: "Write nothing; print what would be written.")
        var dryRun = false

        func run() async throws {
            let run = GeneratorRun(options: options)
            let outputs = try run.generateAll()
            let writer = OutputWriter(directory: outputDirectory)
            try writer.checkDistinctNames(outputs)
            if check {
                let stale = try outputs.filter { try writer.isStale($0) }
                for output in stale { print("stale: \(writer.path(for: output))") }
                guard stale.isEmpty else {
                    Console.error("\(stale.count) generated file(s) differ from their specs; run disco-gen to regenerate them")
                    throw ExitCode.failure
                }
                print("All \(outputs.count) generated file(s) are up to date.")
                return
            }
            for output in outputs {
                let path = writer.path(for: output)
                if dryRun {
                    print(try writer.isStale(output) ? "would write \(path)" : "unchanged \(path)")
                } else {
                    print(try writer.write(output) ? "wrote \(path)" : "unchanged \(path)")
                }
            }
        }
    }
}
