import ArgumentParser
import Disco
import DiscoPostgres

/// `disco-postgres copy`: copies every event of one store into another, keeping envelopes.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every event of one store into another, keeping positions, ids and times.",
        discussion: """
            Both stores are PostgreSQL URLs (use ?schema=NAME for a second store in one database). \
            The destination must be empty or an earlier, interrupted copy; the copy resumes after it.
            """
    )

    @Option(help: "The source store's URL.")
    var from: String

    @Option(help: "The destination store's URL.")
    var to: String

    @Option(help: "Events per batch.")
    var batchSize = 1_000

    func run() async throws {
        let source = try await PostgresEventStore.open(url: from)
        let destination = try await PostgresEventStore.open(url: to)
        let report = try await EventStoreCopier(batchSize: batchSize).copy(from: source, to: destination)
        print("copied \(report.copied) events (\(report.alreadyPresent) already there) from \(source.configuration) to \(destination.configuration)")
        await source.close()
        await destination.close()
    }
}
