import ArgumentParser

/// The `disco-gen` command: generates Swift aggregates from YAML specs.
@main
struct DiscoGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disco-gen",
        abstract: "Generate event-sourced Swift aggregates from YAML specs.",
        discussion: """
            Each spec describes one aggregate: its state, commands, events and queries. \
            The generated Swift conforms to the Disco runtime library.
            """,
        version: DiscoGenVersion.current,
        subcommands: [Generate.self, Validate.self, Retire.self, Tests.self, Docs.self, OpenAPI.self],
        defaultSubcommand: Generate.self
    )
}
