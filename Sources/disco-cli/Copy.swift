import ArgumentParser
import Disco
import Foundation

/// `disco copy`: any store to any store, resumable.
struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy every event of the store into another, keeping positions, ids and times.",
        discussion: """
            The destination (a JSON-lines folder, created when missing, or a postgres:// URL; use \
            ?schema=NAME for a second store in one database) must be empty or an earlier, \
            interrupted copy: the copy checks that prefix and resumes after it. A JSON-lines source \
            is read without its lock; nothing should write to either store meanwhile.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The destination store: a JSON-lines folder or a postgres:// URL.")
    var to: String

    @Option(help: "Events per batch.")
    var batchSize = 1_000

    func validate() throws {
        if batchSize < 1 { throw ValidationError("--batch-size must be 1 or more.") }
    }

    func run() async throws {
        let source = try await store.openForReading(progress: ProgressBar.make("opening", unit: .bytes))
        let destination: OpenedStore
        do {
            destination = try await OpenedStore.openForWriting(to)
        } catch {
            await source.close()
            throw error
        }
        let report: EventStoreCopyReport
        let progress = ProgressBar.make("copying")
        do {
            let head = try await source.store.headPosition()
            report = try await EventStoreCopier(batchSize: batchSize).copy(from: source.store, to: destination.store) {
                progress?.update($0, of: head)
            }
            progress?.finish()
        } catch {
            progress?.finish()
            await source.close()
            await destination.close()
            throw ToolError("\(ToolError.describe(error)); run the copy again to resume")
        }
        await source.close()
        await destination.close()
        Output.standard.line(
            "copied \(ProgressBar.grouped(report.copied)) events (\(ProgressBar.grouped(report.alreadyPresent)) already there) to \(Self.name(of: to))"
                + (report.preservedEnvelopes ? "" : "; the destination recorded its own times")
        )
    }

    /// A store's name without a password.
    static func name(of location: String) -> String {
        guard OpenedStore.isPostgres(location), var components = URLComponents(string: location) else {
            return location
        }
        if components.password != nil { components.password = "…" }
        return components.string ?? location
    }
}
