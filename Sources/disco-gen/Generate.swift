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
                BankAccount.generated.swift. A file whose content did not change is not rewritten. \
                Beside each spec it keeps the lock file (bank_account.yml gives bank_account.lock), which \
                records every event type and version the spec has had; commit it with the spec.
                """
        )

        @OptionGroup var options: GenerateOptions

        @Option(help: "The folder to write the generated files to; the current folder by default.", completion: .directory)
        var outputDirectory: String = "."

        @Flag(help: "Write nothing; fail and name the files whose committed content differs from what the specs generate.")
        var check = false

        @Flag(help: "Write nothing; print what would be written.")
        var dryRun = false

        @Flag(help: "Read the specs' lock files but never write them; a stale lock is a warning (for build tools).")
        var lockReadOnly = false

        func run() async throws {
            let run = GeneratorRun(options: options)
            let specs = try run.generateAll()
            let outputs = specs.map(\.output)
            let writer = OutputWriter(directory: outputDirectory)
            try writer.checkDistinctNames(outputs)
            if check {
                let stale = try outputs.filter { try writer.isStale($0) }
                for output in stale { print("stale: \(writer.path(for: output))") }
                let staleLocks = specs.filter(\.lockIsStale)
                for spec in staleLocks {
                    print("stale: \(spec.lockPath)")
                    Console.diagnostic(spec.staleLockDiagnostic(.error, readOnly: false))
                }
                guard stale.isEmpty, staleLocks.isEmpty else {
                    Console.error(
                        "\(stale.count + staleLocks.count) generated file(s) differ from their specs; run disco-gen to regenerate them")
                    throw ExitCode.failure
                }
                print("All \(outputs.count) generated file(s) are up to date.")
                return
            }
            for spec in specs {
                let path = writer.path(for: spec.output)
                if dryRun {
                    print(try writer.isStale(spec.output) ? "would write \(path)" : "unchanged \(path)")
                    if spec.lockIsStale, !lockReadOnly { print("would write \(spec.lockPath)") }
                } else {
                    print(try writer.write(spec.output) ? "wrote \(path)" : "unchanged \(path)")
                    if lockReadOnly {
                        if spec.lockIsStale { Console.diagnostic(spec.staleLockDiagnostic(.warning, readOnly: true)) }
                    } else if try spec.writeLock() {
                        print("wrote \(spec.lockPath)")
                    }
                }
            }
        }
    }
}
