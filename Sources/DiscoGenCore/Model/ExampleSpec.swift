/// One executable example of a spec, as written: events given, one command, what must follow.
public struct ExampleSpec: Sendable, Hashable {
    /// The test's name, unique within the spec.
    public var name: Located<String>
    /// Where the example's item starts.
    public var location: SourceLocation
    /// The time `now` means in the example, as written.
    public var now: Located<String>?
    /// The events recorded before the command, in order.
    public var given: [ExampleEventSpec]
    /// The command; `nil` when the example has none (an error).
    public var when: ExampleEventSpec?
    /// What the command must lead to.
    public var then: ExampleThenSpec

    /// An example with every part given.
    public init(
        name: Located<String>,
        location: SourceLocation,
        now: Located<String>?,
        given: [ExampleEventSpec],
        when: ExampleEventSpec?,
        then: ExampleThenSpec
    ) {
        self.name = name
        self.location = location
        self.now = now
        self.given = given
        self.when = when
        self.then = then
    }
}

/// A named payload of an example: an event with its fields, or a command with its params.
public struct ExampleEventSpec: Sendable, Hashable {
    /// The event's or command's name.
    public var name: Located<String>
    /// The fields or params, in order.
    public var values: [ExampleEntry]

    /// A name with its values.
    public init(name: Located<String>, values: [ExampleEntry]) {
        self.name = name
        self.values = values
    }
}

/// One `name: value` of an example.
public struct ExampleEntry: Sendable, Hashable {
    /// The field's or param's name.
    public var name: Located<String>
    /// The value, as written.
    public var value: Located<ExampleValue>

    /// A named value.
    public init(name: Located<String>, value: Located<ExampleValue>) {
        self.name = name
        self.value = value
    }
}

/// A YAML value of an example, before it is checked against a type.
public indirect enum ExampleValue: Sendable, Hashable {
    /// A single value with its quoting.
    case scalar(ScalarText)
    /// A list.
    case list([Located<ExampleValue>])
    /// A mapping.
    case mapping([ExampleEntry])
}

/// The `then` of an example, as written.
public struct ExampleThenSpec: Sendable, Hashable {
    /// Where `then` starts (the example when it has none).
    public var location: SourceLocation
    /// `events`: exactly the events recorded.
    public var events: [ExampleEventSpec]?
    /// `state`: fields of the state afterwards.
    public var state: [ExampleEntry]?
    /// `rejected`: the error map of the refusal.
    public var rejected: [ExampleErrorSpec]?
    /// `invalid`: the error map of the params' validation.
    public var invalid: [ExampleErrorSpec]?

    /// A `then` with the parts given.
    public init(
        location: SourceLocation,
        events: [ExampleEventSpec]? = nil,
        state: [ExampleEntry]? = nil,
        rejected: [ExampleErrorSpec]? = nil,
        invalid: [ExampleErrorSpec]? = nil
    ) {
        self.location = location
        self.events = events
        self.state = state
        self.rejected = rejected
        self.invalid = invalid
    }
}

/// One field of an expected error map with its messages.
public struct ExampleErrorSpec: Sendable, Hashable {
    /// The error key: a param, `base` or `id`.
    public var field: Located<String>
    /// The messages, in order.
    public var messages: [Located<String>]

    /// A field with its messages.
    public init(field: Located<String>, messages: [Located<String>]) {
        self.field = field
        self.messages = messages
    }
}
