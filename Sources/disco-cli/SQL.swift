import ArgumentParser
import DiscoPostgres

/// `disco sql`: prints the SQL of a PostgreSQL store's tables, for schemas managed by hand.
struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the SQL that creates a PostgreSQL store's tables and functions."
    )

    @Option(help: "The PostgreSQL schema to create them in.")
    var schema = "public"

    func run() throws {
        do {
            Output.standard.write(Array(try PostgresEventStore.schemaSQL(schema: schema).utf8))
        } catch {
            throw ToolError.usage(error.message)
        }
    }
}
