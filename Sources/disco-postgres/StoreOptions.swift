import ArgumentParser
import DiscoPostgres

/// The `--url` option, defaulting to `DISCO_POSTGRES_URL`.
struct StoreOptions: ParsableArguments {
    @Option(help: "postgres://user:password@host:port/database (default: $DISCO_POSTGRES_URL)")
    var url: String?

    /// Opens the store the options name.
    func open() async throws -> PostgresEventStore {
        if let url {
            return try await PostgresEventStore.open(url: url)
        }
        return try await PostgresEventStore.openFromEnvironment()
    }
}
