import ArgumentParser
import DiscoGenCore
import Foundation

/// The specs a command that reads checked specs takes: files or folders of specs.
struct SpecInputs: ParsableArguments {
    @Argument(
        help: "The spec files, or folders of *.yml and *.yaml specs.",
        completion: .file(extensions: ["yml", "yaml"])
    )
    var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else {
            throw ValidationError("Please give at least one spec file or folder, such as Specs/wallet.yml.")
        }
    }

    /// Every spec the inputs name, loaded and checked, in a stable order, printing each
    /// diagnostic as `file:line:column: severity: message` on standard error.
    /// - Throws: `ExitCode.failure` after printing the diagnostics, when any spec has an error.
    func checkedSpecs() throws -> [CheckedSpec] {
        let pipeline: GeneratorPipeline
        let files: [String]
        do {
            pipeline = try GeneratorPipeline()
            files = try SpecFiles.expand(inputs)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        var specs: [CheckedSpec] = []
        var failed = false
        for file in files {
            do {
                let yaml = try String(contentsOfFile: file, encoding: .utf8)
                let lock = try SpecLockFile.read(forSpec: file).lock
                let (spec, warnings) = try pipeline.check(yaml: yaml, file: file, lock: lock)
                for warning in warnings { Console.diagnostic(warning) }
                specs.append(spec)
            } catch {
                Console.specFailure(error, file: file)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
        return specs
    }
}
