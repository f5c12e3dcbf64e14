/// What one aggregate's documentation page says, built from its checked spec by
/// ``DocumentationTranslator`` and written as Markdown by ``MarkdownDocsRenderer``.
///
/// Every message is the exact text the runtime gives; every expression is the text the spec
/// wrote.
public struct AggregateDocumentation: Sendable, Hashable {
    /// The aggregate's name: `Wallet`.
    public var aggregate: String
    /// The spec's path, as given.
    public var specFile: String
    /// The spec's description.
    public var description: String?
    /// The state's fields, the implicit `id` first.
    public var state: [FieldDoc]
    /// The commands, in spec order.
    public var commands: [CommandDoc]
    /// The events, in spec order.
    public var events: [EventDoc]
    /// The queries, in spec order.
    public var queries: [QueryDoc]
    /// The examples, as given / when / then scenarios, in spec order.
    public var scenarios: [ScenarioDoc]
    /// Commands → events → state fields.
    public var diagram: FlowDiagram
}

/// A named, typed field of the state or of an event.
public struct FieldDoc: Sendable, Hashable {
    /// The snake_case name.
    public var name: String
    /// The type as the spec writes it.
    public var type: String
    /// What the field is, when the spec says more than its type.
    public var note: String?
}

/// A validation rule of a param and the message the runtime gives when it fails.
public struct RuleDoc: Sendable, Hashable {
    /// The rule as the spec writes it (`greater_than: 0`), or what is checked (`type`, `present`).
    public var rule: String
    /// The message, exactly.
    public var message: String
    /// Whether ``rule`` is spec text (shown as code) rather than words.
    public var isWritten: Bool = false
}

/// A param of a command or a query.
public struct ParamDoc: Sendable, Hashable {
    /// The snake_case name.
    public var name: String
    /// The type as the spec writes it.
    public var type: String
    /// Whether it must be given.
    public var isRequired: Bool
    /// The default, as the spec writes it.
    public var defaultValue: String?
    /// What is checked, in the order the runtime checks it, each with its message.
    public var rules: [RuleDoc]
    /// A note on the param (the implicit `id`).
    public var note: String?
}

/// A business rule (`require`) of a command.
public struct BusinessRuleDoc: Sendable, Hashable {
    /// The expression that must hold.
    public var check: String
    /// The error key: a param or `base`.
    public var field: String
    /// The message.
    public var message: String
}

/// An event a command may emit.
public struct EmissionDoc: Sendable, Hashable {
    /// The event's name.
    public var event: String
    /// The condition, when it is emitted only sometimes.
    public var when: String?
    /// Fields filled by expressions instead of the params of the same name.
    public var with: [AssignmentDoc]
}

/// `field = expression`, as the spec writes it.
public struct AssignmentDoc: Sendable, Hashable {
    /// The field set or compared.
    public var field: String
    /// The expression.
    public var expression: String
}

/// A command of the aggregate.
public struct CommandDoc: Sendable, Hashable {
    /// The snake_case name.
    public var name: String
    /// What it does.
    public var description: String?
    /// Whether it starts a new aggregate.
    public var creates: Bool
    /// Whether the decision is written by hand in Swift.
    public var isHandwritten: Bool
    /// The params, the implicit `id` first.
    public var params: [ParamDoc]
    /// The business rules, in order.
    public var businessRules: [BusinessRuleDoc]
    /// The events it may emit, in order.
    public var emits: [EmissionDoc]
}

/// One version of an event's payload.
public struct EventVersionDoc: Sendable, Hashable {
    /// The version.
    public var version: Int
    /// Its fields.
    public var fields: [FieldDoc]
    /// How a payload of this version becomes the next one; empty for the current version.
    public var upcast: [UpcastChangeDoc]
    /// Whether the step to the next version is written by hand in Swift.
    public var isHandwritten: Bool
}

/// One change of an upcast step.
public enum UpcastChangeDoc: Sendable, Hashable {
    /// A field of the next version gets an expression's value over the older payload.
    case set(AssignmentDoc)
    /// A field of the older version is not in the next one.
    case drop(String)
}

/// An event of the aggregate.
public struct EventDoc: Sendable, Hashable {
    /// The snake_case name.
    public var name: String
    /// The current payload version.
    public var version: Int
    /// The current fields.
    public var fields: [FieldDoc]
    /// How it changes the state.
    public var applies: [AssignmentDoc]
    /// The commands that may emit it, with the condition of each.
    public var emittedBy: [EmitterDoc]
    /// Its former names.
    public var renamedFrom: [String]
    /// Every version the spec knows, oldest first; one entry for an event never changed.
    public var history: [EventVersionDoc]
}

/// A command that emits an event.
public struct EmitterDoc: Sendable, Hashable {
    /// The command's name.
    public var command: String
    /// The condition, when there is one.
    public var when: String?
}

/// A query of the aggregate.
public struct QueryDoc: Sendable, Hashable {
    /// The snake_case name.
    public var name: String
    /// The params.
    public var params: [ParamDoc]
    /// The conditions a state must meet.
    public var conditions: [AssignmentDoc]
    /// Whether it returns one state (or not found) rather than a list.
    public var returnsOne: Bool
}

/// An example as a readable given / when / then scenario.
public struct ScenarioDoc: Sendable, Hashable {
    /// The example's name.
    public var name: String
    /// The example's line in the spec.
    public var line: Int
    /// The time `now` means, when fixed.
    public var now: String?
    /// The events given, each `name { fields }`.
    public var given: [NamedValues]
    /// The command with its params.
    public var when: NamedValues
    /// What follows.
    public var then: ScenarioOutcomeDoc
}

/// A name with its fields: an event with its payload, a command with its params.
public struct NamedValues: Sendable, Hashable {
    /// The event's or command's name.
    public var name: String
    /// The fields, values written as JSON.
    public var values: [ValueDoc]
}

/// `name: value`, the value written as JSON.
public struct ValueDoc: Sendable, Hashable {
    /// The field's or param's name.
    public var name: String
    /// The value as JSON.
    public var value: String
}

/// One key of an error map with its messages.
public struct ErrorDoc: Sendable, Hashable {
    /// The error key: a param, `base` or `id`.
    public var field: String
    /// The messages, in order.
    public var messages: [String]
}

/// What a scenario's command leads to.
public enum ScenarioOutcomeDoc: Sendable, Hashable {
    /// Accepted: these events (when checked) and these state fields (when checked).
    case accepted(events: [NamedValues]?, state: NamedValues?)
    /// Refused by a rule of the aggregate with this error map.
    case rejected([ErrorDoc])
    /// Refused by validation with this error map.
    case invalid([ErrorDoc])
}
