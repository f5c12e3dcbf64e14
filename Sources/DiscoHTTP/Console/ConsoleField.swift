import Disco

/// One param of a command or query as the console's forms see it: read from the JSON Schema
/// the OpenAPI document gives the param, so the form says what the spec's rules say.
struct ConsoleField: Sendable, Hashable {
    /// The JSON type a form value is converted to before dispatch.
    enum Kind: Sendable, Hashable {
        case string
        case number
        case integer
        case boolean
        /// A list, typed in one element a line.
        indirect case array(of: Kind)
        /// A schema without a type the console knows: sent as text.
        case other
    }

    /// The param's name.
    var name: String
    /// Its JSON type.
    var kind: Kind
    /// Whether the params must have it.
    var isRequired: Bool
    /// Whether it may be `null`: left empty, it is not sent.
    var isNullable: Bool
    /// `uuid`, `date-time` or another JSON Schema format.
    var format: String?
    /// What the document says of it.
    var description: String?
    /// The bounds of a number, as JSON numbers.
    var minimum: Value?
    var maximum: Value?
    var exclusiveMinimum: Value?
    var exclusiveMaximum: Value?
    /// The bounds of a string's length.
    var minLength: Int?
    var maxLength: Int?
    /// The bounds of a list's length.
    var minItems: Int?
    var maxItems: Int?
    /// Patterns the text must match somewhere (JSON Schema patterns are not anchored): the
    /// schema's own and those of its `allOf` members.
    var patterns: [String]
    /// The values it may take, without `null`; empty when any value goes.
    var choices: [Value]
    /// The value the spec gives it when it is left out.
    var defaultValue: Value?

    /// A field from the JSON Schema of one param.
    init(name: String, schema: Value, isRequired: Bool) {
        self.name = name
        self.isRequired = isRequired
        let types = Self.types(schema)
        isNullable = types.contains("null")
        kind = Self.kind(types.first { $0 != "null" }, items: schema["items"])
        format = schema["format"]?.stringValue
        description = schema["description"]?.stringValue
        minimum = schema["minimum"].flatMap(Self.number)
        maximum = schema["maximum"].flatMap(Self.number)
        exclusiveMinimum = schema["exclusiveMinimum"].flatMap(Self.number)
        exclusiveMaximum = schema["exclusiveMaximum"].flatMap(Self.number)
        minLength = schema["minLength"]?.intValue
        maxLength = schema["maxLength"]?.intValue
        minItems = schema["minItems"]?.intValue
        maxItems = schema["maxItems"]?.intValue
        var patterns = schema["pattern"]?.stringValue.map { [$0] } ?? []
        for member in schema["allOf"]?.arrayValue ?? [] {
            if let pattern = member["pattern"]?.stringValue, !patterns.contains(pattern) { patterns.append(pattern) }
        }
        self.patterns = patterns
        choices = (schema["enum"]?.arrayValue ?? []).filter { !$0.isNull }
        defaultValue = schema["default"].flatMap { $0.isNull ? nil : $0 }
    }

    private static func types(_ schema: Value) -> [String] {
        switch schema["type"] {
        case .string(let type)?: [type]
        case .array(let types)?: types.compactMap(\.stringValue)
        default: []
        }
    }

    private static func kind(_ type: String?, items: Value?) -> Kind {
        switch type {
        case "string": .string
        case "number": .number
        case "integer": .integer
        case "boolean": .boolean
        case "array":
            .array(
                of: items.map { items in kind(types(items).first { $0 != "null" }, items: items["items"]) } ?? .other
            )
        default: .other
        }
    }

    private static func number(_ value: Value) -> Value? {
        value.doubleValue == nil ? nil : value
    }
}
