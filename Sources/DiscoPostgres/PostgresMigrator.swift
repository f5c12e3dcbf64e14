import Logging
import PostgresNIO

/// Brings a database's store tables to ``PostgresSchema/latestVersion``: idempotent, safe to
/// run from several processes at once (they take turns on an advisory lock), each version
/// applied in one transaction and recorded in `disco_schema_migrations`.
enum PostgresMigrator {
    /// Applies the missing migrations; returns the versions it applied.
    @discardableResult
    static func migrate(
        _ connection: PostgresConnection,
        schema: PostgresSchema,
        logger: Logger
    ) async throws(PostgresStoreError) -> [Int] {
        do {
            return try await connection.withTransaction(logger: logger) { connection in
                try await run("SELECT pg_advisory_xact_lock(\(schema.migrationLockKey))", on: connection, logger)
                try await run("CREATE SCHEMA IF NOT EXISTS \(schema.name)", on: connection, logger)
                try await run(
                    """
                    CREATE TABLE IF NOT EXISTS \(schema.migrationsTable) (
                        version     integer     PRIMARY KEY,
                        description text        NOT NULL,
                        applied_at  timestamptz NOT NULL DEFAULT clock_timestamp()
                    )
                    """,
                    on: connection, logger
                )
                let rows = try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT coalesce(max(version), 0) FROM \(schema.migrationsTable)"),
                    logger: logger
                )
                var current = 0
                for try await (version,) in rows.decode((Int.self)) {
                    current = version
                }
                guard current <= PostgresSchema.latestVersion else {
                    throw PostgresStoreError(
                        .schemaTooNew,
                        "the tables in schema \(schema.name) are at version \(current), newer than this DiscoPostgres knows (\(PostgresSchema.latestVersion)); upgrade the application"
                    )
                }
                var applied: [Int] = []
                for (offset, migration) in PostgresSchema.migrations.enumerated() where offset + 1 > current {
                    let version = offset + 1
                    for statement in migration.statements(schema) {
                        try await run(statement, on: connection, logger)
                    }
                    try await connection.query(
                        "INSERT INTO \(unescaped: schema.migrationsTable) (version, description) VALUES (\(version), \(migration.description))",
                        logger: logger
                    )
                    applied.append(version)
                }
                return applied
            }
        } catch let error as PostgresStoreError {
            throw error
        } catch let error as PostgresTransactionError {
            let cause = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            if let cause = cause as? PostgresStoreError { throw cause }
            throw PostgresStoreError(
                .migrationFailed,
                "cannot create or upgrade the event store tables in schema \(schema.name): \(PostgresErrors.summary(cause ?? error))"
            )
        } catch {
            throw PostgresStoreError(
                .migrationFailed,
                "cannot create or upgrade the event store tables in schema \(schema.name): \(PostgresErrors.summary(error))"
            )
        }
    }

    private static func run(_ sql: String, on connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
