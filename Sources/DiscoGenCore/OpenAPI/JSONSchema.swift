/// A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it), with the keywords the generator
/// writes. Unset keywords are left out of the document.
public struct JSONSchema: Sendable, Hashable {
    /// `$ref`: a reference to a component schema, `#/components/schemas/<name>`.
    public var ref: String?
    /// `type`: one name, or several (`["string", "null"]` for an optional).
    public var types: [String] = []
    /// `format`: `uuid`, `date-time`.
    public var format: String?
    /// `description`.
    public var description: String?
    /// `minimum`, as JSON number text.
    public var minimum: String?
    /// `maximum`, as JSON number text.
    public var maximum: String?
    /// `exclusiveMinimum`, as JSON number text.
    public var exclusiveMinimum: String?
    /// `exclusiveMaximum`, as JSON number text.
    public var exclusiveMaximum: String?
    /// `minLength`.
    public var minLength: Int?
    /// `maxLength`.
    public var maxLength: Int?
    /// `minItems`.
    public var minItems: Int?
    /// `maxItems`.
    public var maxItems: Int?
    /// `pattern`: an ECMA 262 regular expression, unanchored.
    public var pattern: String?
    /// `enum`.
    public var choices: [JSONValue]?
    /// `default`.
    public var defaultValue: JSONValue?
    /// `items`: the schema of a list's elements.
    public var items: Box?
    /// `properties`.
    public var properties: [String: JSONSchema]?
    /// `required`, in the order the properties are declared.
    public var required: [String]?
    /// `additionalProperties`: `false`, or the schema of every other member.
    public var additionalProperties: AdditionalProperties?
    /// `allOf`: schemas the value must also match (a second `pattern`).
    public var allOf: [JSONSchema]?

    /// What an object allows besides its properties.
    public enum AdditionalProperties: Sendable, Hashable {
        /// `false`: nothing else.
        case forbidden
        /// Every other member matches this schema.
        case schema(Box)
    }

    /// A schema inside another.
    public final class Box: Sendable, Hashable {
        /// The schema.
        public let schema: JSONSchema

        /// A boxed schema.
        public init(_ schema: JSONSchema) {
            self.schema = schema
        }

        public static func == (lhs: Box, rhs: Box) -> Bool { lhs.schema == rhs.schema }
        public func hash(into hasher: inout Hasher) { hasher.combine(schema) }
    }

    /// An empty schema (anything).
    public init() {}

    /// A schema of one type.
    public init(type: String, format: String? = nil) {
        self.types = [type]
        self.format = format
    }

    /// A reference to the component schema `name`.
    public static func component(_ name: String) -> JSONSchema {
        var schema = JSONSchema()
        schema.ref = "#/components/schemas/" + name
        return schema
    }

    /// An array of `items`.
    public static func array(of items: JSONSchema) -> JSONSchema {
        var schema = JSONSchema(type: "array")
        schema.items = Box(items)
        return schema
    }

    /// The schema as a JSON value.
    public var json: JSONValue {
        var members: [String: JSONValue] = [:]
        if let ref { members["$ref"] = .string(ref) }
        if types.count == 1 { members["type"] = .string(types[0]) }
        if types.count > 1 { members["type"] = .array(types.map(JSONValue.string)) }
        if let format { members["format"] = .string(format) }
        if let description { members["description"] = .string(description) }
        if let minimum { members["minimum"] = .number(minimum) }
        if let maximum { members["maximum"] = .number(maximum) }
        if let exclusiveMinimum { members["exclusiveMinimum"] = .number(exclusiveMinimum) }
        if let exclusiveMaximum { members["exclusiveMaximum"] = .number(exclusiveMaximum) }
        if let minLength { members["minLength"] = .int(minLength) }
        if let maxLength { members["maxLength"] = .int(maxLength) }
        if let minItems { members["minItems"] = .int(minItems) }
        if let maxItems { members["maxItems"] = .int(maxItems) }
        if let pattern { members["pattern"] = .string(pattern) }
        if let choices { members["enum"] = .array(choices) }
        if let defaultValue { members["default"] = defaultValue }
        if let items { members["items"] = items.schema.json }
        if let properties { members["properties"] = .object(properties.mapValues(\.json)) }
        if let required, !required.isEmpty { members["required"] = .array(required.map(JSONValue.string)) }
        switch additionalProperties {
        case .forbidden: members["additionalProperties"] = false
        case .schema(let box): members["additionalProperties"] = box.schema.json
        case nil: break
        }
        if let allOf { members["allOf"] = .array(allOf.map(\.json)) }
        return .object(members)
    }

    /// Accepts `null` too: adds it to the types, and to the choices when there are any.
    mutating func allowNull() {
        if !types.isEmpty, !types.contains("null") { types.append("null") }
        if let current = choices, !current.contains(.null) { choices = current + [.null] }
    }
}
