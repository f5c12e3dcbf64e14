import ArgumentParser
import Disco
import DiscoPostgres
import Foundation

/// `--store`, defaulting to `DISCO_STORE`.
struct StoreOptions: ParsableArguments {
    /// The environment variable naming the store when `--store` is not given.
    static let environmentVariable = "DISCO_STORE"

    @Option(
        name: .long,
        help: "The store: a JSON-lines folder or a postgres:// URL (default: $DISCO_STORE)."
    )
    var store: String?

    /// The store's name as given.
    func location() throws -> String {
        if let store, !store.isEmpty { return store }
        if let named = ProcessInfo.processInfo.environment[Self.environmentVariable], !named.isEmpty { return named }
        throw ToolError.usage(
            "no store named: give --store DIR or --store postgres://user:password@host:port/database, or set \(Self.environmentVariable)"
        )
    }

    /// Opens the store for reading: a JSON-lines store without its lock.
    func openForReading(progress: ProgressBar? = nil) async throws -> OpenedStore {
        try await OpenedStore.openForReading(try location(), progress: progress)
    }
}
