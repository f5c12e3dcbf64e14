import ArgumentParser
import DiscoGenCore

extension DiscoGen {
    /// Checks specs without writing anything.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check specs and report every problem, writing nothing."
        )

        @OptionGroup var options: GenerateOptions

        func run() async throws {
            let outputs = try GeneratorRun(options: options).generateAll()
            print("\(outputs.count) spec(s) are valid.")
        }
    }
}
