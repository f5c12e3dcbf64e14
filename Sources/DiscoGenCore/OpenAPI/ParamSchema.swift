/// The JSON Schema of a param or field: its type, and everything its rules say.
enum ParamSchema {
    /// A param's schema: its type, its rules as keywords, its default.
    static func schema(_ param: CheckedParam) -> JSONSchema {
        var schema = schema(of: param.type)
        let optional = param.type.isOptional
        let isList: Bool
        if case .list = param.type.unwrapped { isList = true } else { isList = false }
        for rule in param.rules {
            switch (rule.kind, rule.argument) {
            case (.min, .number(let value)): schema.minimum = number(value.text)
            case (.max, .number(let value)): schema.maximum = number(value.text)
            case (.greaterThan, .number(let value)): schema.exclusiveMinimum = number(value.text)
            case (.lessThan, .number(let value)): schema.exclusiveMaximum = number(value.text)
            case (.minLength, .length(let length)):
                if isList { schema.minItems = length } else { schema.minLength = length }
            case (.maxLength, .length(let length)):
                if isList { schema.maxItems = length } else { schema.maxLength = length }
            case (.format, .pattern(let pattern)): schema.pattern = "^(?:\(pattern))$"
            case (.oneOf, .choices(let choices)):
                schema.choices = choices.map(JSONValue.string) + (optional ? [.null] : [])
            default: break
            }
        }
        if param.resolvedPresentMessage != nil {
            // A required string must not be empty or blank (`must be present`).
            schema.minLength = max(schema.minLength ?? 1, 1)
            if schema.pattern == nil {
                schema.pattern = "\\S"
            } else {
                var present = JSONSchema()
                present.pattern = "\\S"
                schema.allOf = [present]
            }
        }
        if let value = param.defaultValue { schema.defaultValue = json(value) }
        return schema
    }

    /// The schema of a type: `uuid` and `date` as formatted strings, numbers, lists, and `T?`
    /// as the type or `null`.
    static func schema(of type: SpecType) -> JSONSchema {
        switch type {
        case .uuid: JSONSchema(type: "string", format: "uuid")
        case .string: JSONSchema(type: "string")
        case .int: JSONSchema(type: "integer")
        case .double, .decimal: JSONSchema(type: "number")
        case .bool: JSONSchema(type: "boolean")
        case .date: JSONSchema(type: "string", format: "date-time")
        case .list(let element): .array(of: schema(of: element))
        case .optional(let wrapped):
            {
                var schema = schema(of: wrapped)
                schema.types.append("null")
                return schema
            }()
        }
    }

    /// A spec value as JSON.
    static func json(_ value: SpecValue) -> JSONValue {
        switch value {
        case .null: .null
        case .int, .double, .decimal: .number(number(value.text))
        case .bool(let bool): .bool(bool)
        case .string, .uuid, .date: .string(value.text)
        }
    }

    /// A spec number (`-?[0-9]+(.[0-9]+)?(e…)?`) as a JSON number: JSON allows no leading zeros
    /// (`007` is `7`, `00.5` is `0.5`).
    static func number(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        var digits = Substring(negative ? String(text.dropFirst()) : text)
        while digits.count > 1, digits.first == "0", let next = digits.dropFirst().first, next.isNumber {
            digits = digits.dropFirst()
        }
        return (negative ? "-" : "") + digits
    }
}
