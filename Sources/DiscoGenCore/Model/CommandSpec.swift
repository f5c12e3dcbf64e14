/// A command of the spec.
public struct CommandSpec: Sendable, Hashable {
    /// The snake_case name.
    public var name: Located<String>
    /// What the command does, for its doc comment.
    public var description: Located<String>?
    /// Whether the command starts a new aggregate.
    public var creates: Bool
    /// The declared params, in order (the implicit `id` is not among them).
    public var params: [ParamSpec]
    /// The business rules, in order.
    public var require: [RequireSpec]
    /// The events it emits, in order.
    public var emit: [EmitSpec]
    /// Whether the decision is written by hand in Swift (`handler: swift`).
    public var hasSwiftHandler: Bool

    /// A command with every part given.
    public init(
        name: Located<String>,
        description: Located<String>? = nil,
        creates: Bool = false,
        params: [ParamSpec] = [],
        require: [RequireSpec] = [],
        emit: [EmitSpec] = [],
        hasSwiftHandler: Bool = false
    ) {
        self.name = name
        self.description = description
        self.creates = creates
        self.params = params
        self.require = require
        self.emit = emit
        self.hasSwiftHandler = hasSwiftHandler
    }
}

/// A business rule: an expression that must be true for the command to go through.
public struct RequireSpec: Sendable, Hashable {
    /// The expression.
    public var check: Located<String>
    /// The error key; `base` when absent.
    public var field: Located<String>?
    /// The message.
    public var message: Located<String>?

    /// A rule.
    public init(check: Located<String>, field: Located<String>?, message: Located<String>?) {
        self.check = check
        self.field = field
        self.message = message
    }
}

/// An event a command emits, with how its fields are filled and when.
public struct EmitSpec: Sendable, Hashable {
    /// The event's name.
    public var event: Located<String>
    /// Fields filled by expressions rather than by the params of the same name.
    public var with: [AssignmentSpec]
    /// The condition; always emitted when absent.
    public var when: Located<String>?

    /// An emission.
    public init(event: Located<String>, with: [AssignmentSpec] = [], when: Located<String>? = nil) {
        self.event = event
        self.with = with
        self.when = when
    }
}
