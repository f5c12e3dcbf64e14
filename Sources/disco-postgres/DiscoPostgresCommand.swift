import ArgumentParser

/// `disco-postgres`: manage a PostgreSQL event store: create its tables, copy stores into
/// and out of it, and drive it with a wallet workload (for the two-process tests).
@main
struct DiscoPostgresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disco-postgres",
        abstract: "Manage a Disco event store in PostgreSQL.",
        subcommands: [MigrateCommand.self, SQLCommand.self, CopyCommand.self, WalletLoadCommand.self]
    )
}
