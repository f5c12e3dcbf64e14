import ArgumentParser
import DiscoGenCore
import Foundation

/// Runs the pipeline over every spec the options name, printing diagnostics as
/// `file:line:column: severity: message` on standard error.
struct GeneratorRun {
    let options: GenerateOptions

    /// The outputs of every spec.
    /// - Parameter stage: What to generate from one spec (yaml, file); the aggregate by default.
    /// - Throws: `ExitCode.failure` after printing the diagnostics, when any spec has an error.
    func generateAll(
        _ stage: ((GeneratorPipeline, String, String) throws -> GeneratorPipeline.Output)? = nil
    ) throws -> [GeneratorPipeline.Output] {
        let pipeline: GeneratorPipeline
        let files: [String]
        do {
            pipeline = try options.pipeline()
            files = try options.specFiles()
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        var outputs: [GeneratorPipeline.Output] = []
        var failed = false
        for file in files {
            do {
                let yaml = try String(contentsOfFile: file, encoding: .utf8)
                let output = try stage?(pipeline, yaml, file) ?? pipeline.generate(yaml: yaml, file: file)
                for diagnostic in output.diagnostics { Console.diagnostic(diagnostic) }
                outputs.append(output)
            } catch let diagnostics as Diagnostics {
                for diagnostic in diagnostics.all { Console.diagnostic(diagnostic) }
                failed = true
            } catch let error as CocoaError where error.code == .fileReadInapplicableStringEncoding {
                Console.error("\(file): the spec is not UTF-8 text")
                failed = true
            } catch {
                Console.error("\(file): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
        return outputs
    }
}
