import ArgumentParser
import DiscoGenCore
import Foundation

/// Runs the pipeline over every spec the options name, printing diagnostics as
/// `file:line:column: severity: message` on standard error.
struct GeneratorRun {
    let options: GenerateOptions

    /// The outputs of every spec, each checked against its lock (`<spec>.lock`) when it has one.
    /// - Parameter stage: What to generate from one spec (yaml, file, and its lock when it has
    ///   one); the aggregate by default.
    /// - Throws: `ExitCode.failure` after printing the diagnostics, when any spec or lock has an error.
    func generateAll(
        _ stage: ((GeneratorPipeline, String, String, SpecLock?) throws -> GeneratorPipeline.Output)? = nil
    ) throws -> [GeneratedSpec] {
        let pipeline: GeneratorPipeline
        let files: [String]
        do {
            pipeline = try options.pipeline()
            files = try options.specFiles()
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        var outputs: [GeneratedSpec] = []
        var failed = false
        for file in files {
            do {
                let yaml = try String(contentsOfFile: file, encoding: .utf8)
                let onDisk = try SpecLockFile.read(forSpec: file)
                let lock = onDisk.lock
                let output =
                    try stage?(pipeline, yaml, file, lock) ?? pipeline.generate(yaml: yaml, file: file, lock: lock)
                for diagnostic in output.diagnostics { Console.diagnostic(diagnostic) }
                let lockText = SpecLockFile.text(of: output.lock)
                outputs.append(
                    GeneratedSpec(
                        output: output,
                        specPath: file,
                        lockPath: onDisk.path,
                        lockText: lockText,
                        lockIsStale: onDisk.text != lockText
                    )
                )
            } catch {
                Console.specFailure(error, file: file)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
        return outputs
    }
}
