import ArgumentParser
import DiscoGenCore

extension DiscoGen {
    /// Checks specs without writing anything.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check specs and report every problem, writing nothing.",
            discussion: "Fails too when a spec's lock file (<spec>.lock) is missing or does not record the spec's events."
        )

        @OptionGroup var options: GenerateOptions

        func run() async throws {
            let outputs = try GeneratorRun(options: options).generateAll()
            let stale = outputs.filter(\.lockIsStale)
            for spec in stale { Console.diagnostic(spec.staleLockDiagnostic(.error, readOnly: false)) }
            guard stale.isEmpty else { throw ExitCode.failure }
            print("\(outputs.count) spec(s) are valid.")
        }
    }
}
