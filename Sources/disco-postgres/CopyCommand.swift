import ArgumentParser
import Disco
import DiscoPostgres
import Foundation

/// `disco-postgres copy`: copies every event of one store into another, keeping envelopes.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every event of one store into another, keeping positions, ids and times.",
        discussion: """
            A store is a postgres:// URL (use ?schema=NAME for a second store in one database) or \
            the folder of a JSON-lines store. The destination must be empty or an earlier, \
            interrupted copy; the copy resumes after it. Every envelope field is kept; a \
            JSON-lines store keeps times to the millisecond.
            """
    )

    @Option(help: "The source store: a postgres:// URL or a JSON-lines folder.")
    var from: String

    @Option(help: "The destination store: a postgres:// URL or a JSON-lines folder.")
    var to: String

    @Option(help: "Events per batch.")
    var batchSize = 1_000

    func run() async throws {
        let source = try await Self.open(from)
        let destination = try await Self.open(to)
        let report: EventStoreCopyReport
        do {
            report = try await EventStoreCopier(batchSize: batchSize).copy(from: source.store, to: destination.store)
        } catch {
            await source.close()
            await destination.close()
            throw error
        }
        print(
            "copied \(report.copied) events (\(report.alreadyPresent) already there) from \(source.name) to \(destination.name)"
                + (report.preservedEnvelopes ? "" : "; the destination recorded its own times")
        )
        await source.close()
        await destination.close()
    }

    /// A store named on the command line, and how to close it.
    private static func open(
        _ location: String
    ) async throws -> (store: any EventStore, name: String, close: @Sendable () async -> Void) {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            let store = try await PostgresEventStore.open(url: location)
            return (store, store.configuration.description, { await store.close() })
        }
        let store = try await JSONLinesEventStore.open(directory: URL(fileURLWithPath: location))
        return (store, location, { await store.close() })
    }
}
