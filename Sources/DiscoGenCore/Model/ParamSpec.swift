/// A param of a command or query, with its validation rules.
public struct ParamSpec: Sendable, Hashable {
    /// The snake_case name.
    public var name: Located<String>
    /// The type; `T?` when optional.
    public var type: Located<SpecType>
    /// Whether the param may be absent (`T?` or `optional: true`).
    public var isOptional: Bool
    /// The value used when the param is absent, as written in the spec.
    public var defaultValue: Located<ScalarText>?
    /// The validation rules, in the order written.
    public var rules: [RuleSpec]
    /// A message replacing every default message of this param (`message:`).
    public var message: Located<String>?
    /// Messages replacing the default message of one rule (`messages: { min_length: ... }`);
    /// the key `type` replaces the type's message.
    public var messages: [String: Located<String>]

    /// A param with every part given.
    public init(
        name: Located<String>,
        type: Located<SpecType>,
        isOptional: Bool = false,
        defaultValue: Located<ScalarText>? = nil,
        rules: [RuleSpec] = [],
        message: Located<String>? = nil,
        messages: [String: Located<String>] = [:]
    ) {
        self.name = name
        self.type = type
        self.isOptional = isOptional
        self.defaultValue = defaultValue
        self.rules = rules
        self.message = message
        self.messages = messages
    }
}

/// A scalar as the YAML had it: its text and whether it was quoted (so `"1"` stays a string).
public struct ScalarText: Sendable, Hashable {
    /// The text, without quotes.
    public var text: String
    /// Whether the YAML scalar was quoted or a block, so it is a string whatever it looks like.
    public var isQuoted: Bool

    /// A scalar's text.
    public init(_ text: String, isQuoted: Bool) {
        self.text = text
        self.isQuoted = isQuoted
    }
}

/// One validation rule of a param.
public struct RuleSpec: Sendable, Hashable {
    /// The kinds of rule, named as in the spec.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `min: n`.
        case min
        /// `max: n`.
        case max
        /// `greater_than: n`.
        case greaterThan = "greater_than"
        /// `less_than: n`.
        case lessThan = "less_than"
        /// `min_length: n`.
        case minLength = "min_length"
        /// `max_length: n`.
        case maxLength = "max_length"
        /// `format: regex`.
        case format
        /// `in: [a, b]`.
        case oneOf = "in"
    }

    /// The kind of rule.
    public var kind: Kind
    /// The rule's argument as written: a number, a regex, or (for `in`) each choice.
    public var arguments: [Located<ScalarText>]
    /// Where the rule's key is.
    public var location: SourceLocation

    /// A rule.
    public init(kind: Kind, arguments: [Located<ScalarText>], location: SourceLocation) {
        self.kind = kind
        self.arguments = arguments
        self.location = location
    }
}
