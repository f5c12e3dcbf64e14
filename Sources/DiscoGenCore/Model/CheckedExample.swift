/// An example that passed every check, its values converted by the types of the spec.
/// Produced by the checker (SpecChecker+Examples.swift), rendered as a Swift Testing test.
public struct CheckedExample: Sendable, Hashable {
    /// The example's name.
    public var name: String
    /// Where the example starts in the spec.
    public var location: SourceLocation
    /// The time `now` means, as ISO 8601 text; `nil` for the time the test runs.
    public var now: String?
    /// The events given, in order.
    public var given: [CheckedExampleEvent]
    /// The command's name.
    public var command: String
    /// The command's params as the dynamic API takes them.
    public var params: [ExampleField]
    /// What must follow.
    public var then: CheckedExampleThen
}

/// An event of an example, with its payload.
public struct CheckedExampleEvent: Sendable, Hashable {
    /// The event's type.
    public var type: String
    /// The event's current schema version.
    public var version: Int
    /// The payload, every field of the event in the event's order.
    public var payload: [ExampleField]
}

/// A named value of an example.
public struct ExampleField: Sendable, Hashable {
    /// The field's or param's name.
    public var name: String
    /// The value.
    public var value: ExampleLiteral
}

/// A JSON-like value of an example, typed as the dynamic API sees it.
public indirect enum ExampleLiteral: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written (`5`, `-0.5`).
    case number(String)
    /// A string (uuids and dates included).
    case string(String)
    /// A list.
    case list([ExampleLiteral])
    /// An object.
    case object([ExampleField])
}

/// What an example's command must lead to.
public enum CheckedExampleThen: Sendable, Hashable {
    /// Accepted: exactly these events (when given) and these state fields (when given).
    case accepted(events: [CheckedExampleEvent]?, state: [ExampleField]?)
    /// Refused by the aggregate with this error map.
    case rejected([ExampleError])
    /// Refused by validation with this error map.
    case invalid([ExampleError])
}

/// One field of an expected error map.
public struct ExampleError: Sendable, Hashable {
    /// The error key.
    public var field: String
    /// The messages, in order.
    public var messages: [String]
}
