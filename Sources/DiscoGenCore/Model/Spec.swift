/// A spec as written: one aggregate's state, commands, events and queries, every part
/// keeping its place in the file. Produced by ``SpecLoader``, checked by ``SpecChecker``.
public struct Spec: Sendable, Hashable {
    /// The path of the spec file, as given.
    public var file: String
    /// The spec language version; 1 when absent.
    public var version: Located<Int>?
    /// The aggregate's UpperCamelCase name.
    public var aggregate: Located<String>
    /// The doc comment of the generated type.
    public var description: Located<String>?
    /// The state's fields, in order; `id` is implicit.
    public var state: [FieldSpec]
    /// The commands, in order.
    public var commands: [CommandSpec]
    /// The events, in order.
    public var events: [EventSpec]
    /// The queries, in order.
    public var queries: [QuerySpec]
    /// Where the `events` key is written, when it is.
    public var eventsLocation: SourceLocation?
    /// The executable examples, in order (SpecLoader+Examples.swift).
    public var examples: [ExampleSpec] = []

    /// A spec with every part given.
    public init(
        file: String,
        version: Located<Int>?,
        aggregate: Located<String>,
        description: Located<String>?,
        state: [FieldSpec],
        commands: [CommandSpec],
        events: [EventSpec],
        queries: [QuerySpec]
    ) {
        self.file = file
        self.version = version
        self.aggregate = aggregate
        self.description = description
        self.state = state
        self.commands = commands
        self.events = events
        self.queries = queries
    }
}

/// A named, typed field: of the state or of an event.
public struct FieldSpec: Sendable, Hashable {
    /// The snake_case name.
    public var name: Located<String>
    /// The type.
    public var type: Located<SpecType>

    /// A field with a name and a type.
    public init(name: Located<String>, type: Located<SpecType>) {
        self.name = name
        self.type = type
    }
}

/// An assignment of an expression to a name: an `apply`, `with` or `where` entry.
public struct AssignmentSpec: Sendable, Hashable {
    /// The field assigned or compared.
    public var field: Located<String>
    /// The expression's text.
    public var expression: Located<String>

    /// An assignment.
    public init(field: Located<String>, expression: Located<String>) {
        self.field = field
        self.expression = expression
    }
}
