import ArgumentParser
import Disco
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `disco repair`: cuts a torn tail, as opening the store does, and nothing else.
struct Repair: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut a torn tail from a JSON-lines store (what a crash while writing leaves), after confirmation.",
        discussion: """
            Only what opening the store would do: the first lines of a command whose last lines are \
            missing, and a last line without its line feed, are cut and saved in a file beside \
            events.jsonl. Damage in the middle of the file is never touched. Asks for confirmation \
            on a terminal; give --yes otherwise.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Cut without asking.")
    var yes = false

    func run() async throws {
        let location = try store.location()
        if OpenedStore.isPostgres(location) {
            throw ToolError("repair applies to JSON-lines stores: a PostgreSQL store commits each command whole")
        }
        let directory = URL(fileURLWithPath: location)
        let verification: JSONLinesEventStore.Verification
        do throws(EventStoreError) {
            verification = try JSONLinesStoreReader.verify(directory: directory)
        } catch {
            if error.kind == .corrupted {
                throw ToolError(
                    "\(error.message). repair only cuts a torn tail at the end of the file; restore the store from a copy"
                )
            }
            throw ToolError(OpenedStore.advice(for: error, at: location))
        }
        guard let torn = verification.tornTail else {
            Output.standard.line("\(location): nothing to repair, the store ends with a complete command")
            return
        }
        if let pid = JSONLinesStoreReader.writerProcess(of: directory) {
            throw ToolError(
                "process \(pid) holds \(location) for writing, so its last \(torn.byteCount) bytes may be a command being written; stop it first (opening the store repairs it too)"
            )
        }
        Output.standard.line("\(location): \(torn)")
        if !yes {
            guard isatty(0) == 1 else {
                throw ToolError("not cutting without confirmation: run again with --yes")
            }
            Output.standard.write(
                Array("Cut these \(torn.byteCount) bytes (they are kept in a file beside events.jsonl)? [y/N] ".utf8)
            )
            Output.standard.flush()
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
                Output.standard.line("nothing was changed")
                throw ExitCode(1)
            }
        }
        let cut: JSONLinesEventStore.TornTail?
        do {
            cut = try await JSONLinesEventStore.repair(directory: directory)
        } catch {
            throw ToolError(ToolError.describe(error))
        }
        guard let cut else {
            Output.standard.line("nothing was cut: the store was repaired meanwhile")
            return
        }
        Output.standard.line(
            "cut \(cut.byteCount) bytes from line \(cut.lineNumber) (byte \(cut.offset)); the cut bytes are kept in \(cut.savedTo?.path ?? "-")"
        )
    }
}
