/// One registered aggregate type with the names of its commands and queries: what an HTTP
/// adapter or a console lists.
public struct AggregateDescription: Sendable, Hashable {
    /// The aggregate's name, as in the spec: `Wallet`.
    public let name: String
    /// The names of its commands, sorted.
    public let commands: [String]
    /// The names of its queries, sorted.
    public let queries: [String]

    /// A description of an aggregate type.
    public init(name: String, commands: [String], queries: [String]) {
        self.name = name
        self.commands = commands
        self.queries = queries
    }
}
