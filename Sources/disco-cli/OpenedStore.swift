import Disco
import DiscoPostgres
import Foundation

/// A store named on the command line, opened.
enum OpenedStore {
    /// A JSON-lines folder, read-only.
    case jsonLines(JSONLinesStoreReader)
    /// A JSON-lines folder opened for writing (a copy's destination).
    case jsonLinesWriter(JSONLinesEventStore)
    /// A PostgreSQL store.
    case postgres(PostgresEventStore)

    /// Whether a store name is a PostgreSQL URL.
    static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Opens a store for reading: a JSON-lines folder without taking its lock.
    static func openForReading(_ location: String, progress: ProgressBar? = nil) async throws -> OpenedStore {
        if isPostgres(location) { return .postgres(try await openPostgres(location)) }
        let directory = URL(fileURLWithPath: location)
        do throws(EventStoreError) {
            let reader = try JSONLinesStoreReader.open(
                directory: directory,
                progress: progress?.reporter
            )
            progress?.finish()
            return .jsonLines(reader)
        } catch {
            progress?.finish()
            throw ToolError(advice(for: error, at: location))
        }
    }

    /// Opens a store for writing: a JSON-lines folder is created when missing.
    static func openForWriting(_ location: String) async throws -> OpenedStore {
        if isPostgres(location) { return .postgres(try await openPostgres(location)) }
        do {
            return .jsonLinesWriter(try await JSONLinesEventStore.open(directory: URL(fileURLWithPath: location)))
        } catch {
            throw ToolError(ToolError.describe(error))
        }
    }

    private static func openPostgres(_ url: String) async throws -> PostgresEventStore {
        do {
            return try await PostgresEventStore.open(url: url)
        } catch {
            let advice: String
            switch error.kind {
            case .unreachable: advice = "is the server running, and are the host and port in the URL right?"
            case .authenticationFailed: advice = "check the user and password in the URL"
            case .databaseNotFound: advice = "check the database name in the URL, or create the database"
            case .invalidConfiguration: advice = "write postgres://user:password@host:port/database"
            default: advice = ""
            }
            throw ToolError(advice.isEmpty ? error.message : "\(error.message); \(advice)")
        }
    }

    /// The message of a store that cannot be opened, with what to do.
    static func advice(for error: EventStoreError, at location: String) -> String {
        if error.message.hasSuffix("does not exist") {
            return
                "\(error.message): give the folder of a JSON-lines store (it holds events.jsonl) or a postgres:// URL"
        }
        if error.message.contains("is not an event store") {
            return "\(error.message): give the folder of a JSON-lines store, or a postgres:// URL"
        }
        if error.kind == .corrupted {
            return "\(error.message). `disco verify --store \(location)` checks every line"
        }
        return error.message
    }

    /// The store, for reading.
    var store: any EventStore {
        switch self {
        case .jsonLines(let reader): reader
        case .jsonLinesWriter(let store): store
        case .postgres(let store): store
        }
    }

    /// The store's streams.
    func streams() async throws -> [StreamSummary] {
        switch self {
        case .jsonLines(let reader): try await reader.streams()
        case .jsonLinesWriter(let store): try await store.streams()
        case .postgres(let store): try await store.streams()
        }
    }

    /// Closes what needs closing.
    func close() async {
        switch self {
        case .jsonLines: break
        case .jsonLinesWriter(let store): await store.close()
        case .postgres(let store): await store.close()
        }
    }
}
