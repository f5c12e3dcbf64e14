import ArgumentParser
import DiscoGenCore
import Foundation

/// Writes generated files into a folder, touching only those whose content changed.
struct OutputWriter {
    let directory: String

    /// The path a file is written to.
    func path(for output: GeneratorPipeline.Output) -> String {
        directory == "." ? output.fileName : (directory as NSString).appendingPathComponent(output.fileName)
    }

    /// Refuses two specs that would write the same file.
    /// - Parameter fix: What the user should change, after the file's name.
    func checkDistinctNames(_ outputs: [GeneratorPipeline.Output], fix: String = "rename one of the spec files") throws
    {
        var seen: Set<String> = []
        for output in outputs where !seen.insert(output.fileName).inserted {
            Console.error("two specs would both write \(output.fileName); \(fix)")
            throw ExitCode.failure
        }
    }

    /// Whether the file on disk differs from the output (or is missing).
    func isStale(_ output: GeneratorPipeline.Output) throws -> Bool {
        guard let existing = FileManager.default.contents(atPath: path(for: output)) else { return true }
        return existing != Data(output.source.utf8)
    }

    /// Writes the output unless the file already holds it.
    /// - Returns: Whether the file was written.
    func write(_ output: GeneratorPipeline.Output) throws -> Bool {
        guard try isStale(output) else { return false }
        let url = URL(fileURLWithPath: path(for: output))
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(output.source.utf8).write(to: url, options: .atomic)
        } catch {
            throw CLIError("cannot write \(url.path): \(error.localizedDescription)")
        }
        return true
    }
}
