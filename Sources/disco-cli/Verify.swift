import ArgumentParser
import Disco
import DiscoPostgres
import Foundation

/// `disco verify`: every line (or row) checked.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every event of a store; exit code 0 when it is sound, 1 with a summary when not.",
        discussion: """
            A JSON-lines store is read without its lock: every line is decoded in full, and positions, \
            versions and commands are checked. The first damaged line is named with its line number and \
            byte offset. A PostgreSQL store's events are read in order and checked the same way.
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let location = try store.location()
        if OpenedStore.isPostgres(location) {
            try await verifyPostgres(location)
        } else {
            try verifyJSONLines(location)
        }
    }

    private func verifyJSONLines(_ location: String) throws {
        let directory = URL(fileURLWithPath: location)
        let progress = ProgressBar.make("verifying", unit: .bytes)
        let verification: JSONLinesEventStore.Verification
        do throws(EventStoreError) {
            verification = try JSONLinesStoreReader.verify(
                directory: directory,
                progress: progress?.reporter
            )
            progress?.finish()
        } catch {
            progress?.finish()
            if error.kind == .corrupted {
                Output.standard.line("damaged: \(error.message)")
                Output.standard.line(
                    "\(location): not sound; `disco repair` only cuts a torn tail at the end of the file"
                )
                throw ExitCode(1)
            }
            throw ToolError(OpenedStore.advice(for: error, at: location))
        }
        let summary =
            "\(ProgressBar.grouped(verification.eventCount)) events in \(ProgressBar.grouped(Int64(verification.streamCount))) streams, \(ProgressBar.grouped(Int64(verification.lineCount))) lines, \(ProgressBar.grouped(verification.byteCount)) bytes"
        guard let torn = verification.tornTail else {
            Output.standard.line("\(summary): sound")
            return
        }
        if let pid = JSONLinesStoreReader.writerProcess(of: directory) {
            Output.standard.line(
                "\(summary): sound; the last \(torn.byteCount) bytes are a command process \(pid) is writing"
            )
            return
        }
        Output.standard.line("\(summary); \(torn)")
        Output.standard.line(
            "\(location): ends with a torn tail (a crash while writing); `disco repair --store \(location)` cuts it, as opening the store does"
        )
        throw ExitCode(1)
    }

    private func verifyPostgres(_ location: String) async throws {
        let opened = try await OpenedStore.openForReading(location)
        let head = try await opened.store.headPosition()
        let progress = ProgressBar.make("verifying")
        var versions: [StreamID: Int] = [:]
        var position: Int64 = 0
        var problem: String?
        do {
            reading: while position < head {
                let page = try await opened.store.readAll(after: position, limit: 4_096)
                guard !page.isEmpty else { break }
                for event in page {
                    if event.position != position + 1 {
                        problem = "position \(event.position) follows \(position); positions are gapless from 1"
                        break reading
                    }
                    let expected = versions[event.stream, default: 0] + 1
                    if event.version != expected {
                        problem =
                            "event \(event.position) has version \(event.version) of \(event.stream), expected \(expected)"
                        break reading
                    }
                    versions[event.stream] = event.version
                    position = event.position
                }
                progress?.update(position, of: head)
            }
        } catch {
            progress?.finish()
            await opened.close()
            Output.standard.line("damaged: after position \(position): \(ToolError.describe(error))")
            throw ExitCode(1)
        }
        progress?.finish()
        await opened.close()
        let summary = "\(ProgressBar.grouped(position)) events in \(ProgressBar.grouped(Int64(versions.count))) streams"
        if let problem {
            Output.standard.line("damaged: \(problem)")
            Output.standard.line("\(summary) checked before the damage: not sound")
            throw ExitCode(1)
        }
        Output.standard.line("\(summary): sound")
    }
}
