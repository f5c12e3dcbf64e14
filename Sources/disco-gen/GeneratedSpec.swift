import DiscoGenCore
import Foundation

/// What one spec generates: its Swift, and its lock as it should be beside it.
struct GeneratedSpec {
    /// The generated Swift and diagnostics.
    var output: GeneratorPipeline.Output
    /// The spec's path, as given.
    var specPath: String
    /// The lock file's path: beside the spec, `wallet.yml` → `wallet.lock`.
    var lockPath: String
    /// The lock file's content as it should be.
    var lockText: String
    /// Whether the lock file on disk is missing or differs from `lockText`.
    var lockIsStale: Bool

    /// What a stale lock lacks, said at the spec line of the first version it does not record.
    /// - Parameters:
    ///   - severity: `error` for `validate` and `--check`, `warning` where the lock is only read.
    ///   - readOnly: Whether the caller never writes locks (the build plugin), so the message
    ///     names the commands that do.
    func staleLockDiagnostic(_ severity: Diagnostic.Severity, readOnly: Bool) -> Diagnostic {
        let lockName = (lockPath as NSString).lastPathComponent
        let additions = output.lockAdditions
        let what: String
        if !FileManager.default.fileExists(atPath: lockPath) {
            what = "the spec has no lock file \(lockName) yet"
        } else if let first = additions.first {
            let more = additions.count > 1 ? " (and \(additions.count - 1) more)" : ""
            what = "the lock \(lockName) does not record version \(first.version) of event '\(first.event)'\(more)"
        } else {
            what = "the lock \(lockName) is not as disco-gen writes it"
        }
        let fix =
            readOnly
            ? "the build plugin never writes it: run `swift package --allow-writing-to-package-directory generate-aggregates` or `disco-gen \(specPath)` and commit \(lockName)"
            : "run `disco-gen \(specPath)` to update it, and commit it"
        let location = additions.first?.location ?? SourceLocation(file: specPath, line: 1, column: 1)
        return Diagnostic(severity, "\(what); \(fix)", at: location)
    }

    /// Writes the lock file unless it already holds `lockText`.
    /// - Returns: Whether the file was written.
    func writeLock() throws -> Bool {
        guard lockIsStale else { return false }
        do {
            try Data(lockText.utf8).write(to: URL(fileURLWithPath: lockPath), options: .atomic)
        } catch {
            throw CLIError("cannot write \(lockPath): \(error.localizedDescription)")
        }
        return true
    }
}
