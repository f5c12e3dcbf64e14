import ArgumentParser

/// `disco`: look into and operate an event store, JSON lines or PostgreSQL.
struct DiscoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disco",
        abstract: "Look into and operate a Disco event store: a JSON-lines folder or PostgreSQL.",
        discussion: """
            Name the store with --store DIR, --store postgres://user:password@host:port/database, \
            or the environment variable DISCO_STORE. Reading (info, streams, events, tail, verify) \
            never takes a JSON-lines store's lock: it works while an application writes the store, \
            and shows only complete commands.
            """,
        subcommands: [
            Info.self, Streams.self, Events.self, Tail.self, Verify.self, Repair.self, Copy.self, Migrate.self,
            SQL.self,
        ]
    )
}
