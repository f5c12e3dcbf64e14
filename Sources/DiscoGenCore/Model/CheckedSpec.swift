/// A spec that passed every check, with its expressions type-checked and its literals typed.
/// Produced by ``SpecChecker``, translated by ``ViewModelTranslator``.
public struct CheckedSpec: Sendable {
    /// The spec as written.
    public var spec: Spec
    /// The commands, in spec order.
    public var commands: [CheckedCommand]
    /// The events, in spec order.
    public var events: [CheckedEvent]
    /// The queries, in spec order.
    public var queries: [CheckedQuery]
    /// The examples, in spec order (SpecChecker+Examples.swift).
    public var examples: [CheckedExample] = []
}

/// An expression that type-checked, with the place it was written.
public struct LocatedExpression: Sendable, Hashable {
    /// The expression's type and typed tree.
    public var expression: CheckedExpression
    /// Where the expression starts in the spec.
    public var location: SourceLocation
}

/// A param with its rules resolved.
public struct CheckedParam: Sendable {
    /// The param as written.
    public var spec: ParamSpec
    /// The type, with `T?` for optional params.
    public var type: SpecType
    /// The default value, of the param's type.
    public var defaultValue: SpecValue?
    /// The type's message, when `message:` or `messages: { type: }` replaces it.
    public var typeMessage: String?
    /// The `must be present` message, when replaced.
    public var presentMessage: String?
    /// Each rule: its kind, its argument, and its message.
    public var rules: [(kind: RuleSpec.Kind, argument: RuleArgument, message: String)]
}

/// A command with its rules and emissions checked.
public struct CheckedCommand: Sendable {
    /// The command as written.
    public var spec: CommandSpec
    /// The declared params.
    public var params: [CheckedParam]
    /// The business rules.
    public var rules: [(check: LocatedExpression, field: String, message: String)]
    /// The emissions.
    public var emits: [CheckedEmit]
}

/// One event a command emits.
public struct CheckedEmit: Sendable {
    /// The event's name.
    public var event: String
    /// Each field of the event with the expression that fills it, in the event's field order.
    public var fields: [(name: String, value: LocatedExpression)]
    /// The condition, if any.
    public var when: LocatedExpression?
}

/// An event with its `apply` checked.
public struct CheckedEvent: Sendable {
    /// The event as written.
    public var spec: EventSpec
    /// Each state field the event sets, with its new value.
    public var applies: [(field: String, value: LocatedExpression)]
    /// The upcast steps, ascending by the version they read.
    public var steps: [CheckedUpcastStep] = []
}

/// A query with its `where` checked.
public struct CheckedQuery: Sendable {
    /// The query as written.
    public var spec: QuerySpec
    /// The params.
    public var params: [CheckedParam]
    /// Each state field compared, with the expression it must equal.
    public var conditions: [(field: String, value: LocatedExpression)]
}
