import Disco
import DiscoPostgres
import Foundation
import PostgresNIO
import Testing

/// The server the tests use: `DISCO_POSTGRES_URL`. Without it the tests skip, except in CI
/// (`CI=true`), where they run and fail, because CI must test the adapter for real.
enum PostgresTestEnvironment {
    static let environment = ProcessInfo.processInfo.environment

    /// Whether a server is configured.
    static var isConfigured: Bool { !(environment[PostgresStoreConfiguration.environmentVariable] ?? "").isEmpty }

    /// Whether this is a CI run.
    static var isCI: Bool { environment["CI"] == "true" }

    /// Tests that need a server run when one is configured, and in CI (where they fail without one).
    static var shouldRun: Bool { isConfigured || isCI }

    /// Why the tests were skipped.
    static let skipReason: Comment =
        "DISCO_POSTGRES_URL is not set: skipping the PostgreSQL tests (start a server with `eval \"$(.ci/postgres.sh start)\"`)"

    /// The configured server; records a failure when it is missing (in CI).
    static func configuration() throws -> PostgresStoreConfiguration {
        guard let configuration = try PostgresStoreConfiguration.fromEnvironment() else {
            Issue.record("CI=true but DISCO_POSTGRES_URL is not set: .ci/run must start PostgreSQL (.ci/postgres.sh start)")
            throw PostgresStoreError(.notConfigured, "DISCO_POSTGRES_URL is not set")
        }
        return configuration
    }

    /// A schema name no other test uses.
    static func freshSchema() -> String {
        "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }

    /// Opens a store in a fresh schema, runs `body`, closes the store and drops the schema.
    static func withStore<Result>(
        poolSize: Int = 4,
        _ body: (PostgresEventStore, PostgresStoreConfiguration) async throws -> Result
    ) async throws -> Result {
        var configuration = try configuration().inSchema(freshSchema())
        configuration.maximumConnections = poolSize
        configuration.pollInterval = .milliseconds(200)
        let store = try await PostgresEventStore.open(configuration)
        do {
            let result = try await body(store, configuration)
            try await drop(configuration.schema, using: store)
            await store.close()
            return result
        } catch {
            try? await drop(configuration.schema, using: store)
            await store.close()
            throw error
        }
    }

    static func drop(_ schema: String, using store: PostgresEventStore) async throws {
        try await store.client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE")
    }

    /// A proposed event with a payload of every kind of value.
    static func event(_ type: String = "thing_happened", _ number: Int = 1) -> ProposedEvent {
        ProposedEvent(
            eventType: type,
            commandID: UUID(),
            correlationID: UUID(),
            causationID: number.isMultiple(of: 2) ? UUID() : nil,
            payload: [
                "zeta": .int(number),
                "alpha": "ünïcødé \"quoted\" \\ \n tab\t",
                "amount": 12.5,
                "nested": ["list": [1, 2.25, nil, true, "x"], "empty": .object([:])],
            ],
            metadata: ["source": "tests"]
        )
    }
}
