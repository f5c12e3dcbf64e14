import ArgumentParser
import DiscoPostgres

/// `disco-postgres sql`: prints the SQL of the store's tables, for schemas managed by hand.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the SQL that creates the event store's tables and functions."
    )

    @Option(help: "The PostgreSQL schema to create them in.")
    var schema = "public"

    func run() throws {
        print(try PostgresEventStore.schemaSQL(schema: schema), terminator: "")
    }
}
