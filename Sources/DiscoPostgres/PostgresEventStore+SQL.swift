extension PostgresEventStore {
    /// The newest version of the store's tables this library creates.
    public static var schemaVersion: Int { PostgresSchema.latestVersion }

    /// The SQL that creates the store's tables and functions in a PostgreSQL schema, for
    /// people who manage their database by hand: every migration's statements in order, each
    /// followed by its row in `disco_schema_migrations`. ``open(_:logger:)`` runs the same
    /// statements itself when they are missing.
    public static func schemaSQL(schema: String = "public") throws(PostgresStoreError) -> String {
        guard PostgresStoreConfiguration.isValidSchemaName(schema) else {
            throw PostgresStoreError(.invalidConfiguration, "schema \"\(schema)\" is not a valid schema name")
        }
        let names = PostgresSchema(name: schema)
        var text = """
            CREATE SCHEMA IF NOT EXISTS \(schema);

            CREATE TABLE IF NOT EXISTS \(names.migrationsTable) (
                version     integer     PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT clock_timestamp()
            );

            """
        for (offset, migration) in PostgresSchema.migrations.enumerated() {
            text += "\n-- Version \(offset + 1): \(migration.description)\n\n"
            for statement in migration.statements(names) {
                text += statement + ";\n\n"
            }
            let description = migration.description.replacingOccurrences(of: "'", with: "''")
            text += "INSERT INTO \(names.migrationsTable) (version, description) VALUES (\(offset + 1), '\(description)');\n"
        }
        return text
    }
}
