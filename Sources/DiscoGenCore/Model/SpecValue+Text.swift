import Foundation

extension SpecValue {
    /// The value as a spec or a JSON document writes it: numbers as written in the spec,
    /// UUIDs in lowercase, dates as ISO 8601 with milliseconds, strings without quotes.
    public var text: String {
        switch self {
        case .null: "null"
        case .int(let int): String(int)
        case .double(let text), .decimal(let text): text
        case .bool(let bool): bool ? "true" : "false"
        case .string(let string): string
        case .uuid(let uuid): uuid.uuidString.lowercased()
        case .date(let date): date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }
    }
}

extension RuleArgument {
    /// The argument as the spec writes it: `0`, `80`, the regex, or `[a, b]`.
    public var text: String {
        switch self {
        case .number(let value): value.text
        case .length(let length): String(length)
        case .pattern(let pattern): pattern
        case .choices(let choices): "[" + choices.joined(separator: ", ") + "]"
        }
    }
}

extension SpecType {
    /// The runtime's message for a value that is missing, null or not of this type, before
    /// any `message:` replaces it (the spec language's table of default messages).
    public var defaultTypeMessage: String {
        switch self {
        case .uuid: "must be a valid UUID string"
        case .string: "must be a string"
        case .int: "must be an integer"
        case .double, .decimal: "must be a number"
        case .bool: "must be a boolean"
        case .date: "must be an ISO 8601 date"
        case .list: "must be a list"
        case .optional(let wrapped): wrapped.defaultTypeMessage
        }
    }
}

extension CheckedParam {
    /// The message of a missing, null or mistyped value, as the runtime gives it.
    public var resolvedTypeMessage: String { typeMessage ?? type.unwrapped.defaultTypeMessage }

    /// Whether the param must be given: not optional and without a default.
    public var isRequired: Bool { !type.isOptional && defaultValue == nil }

    /// The message of an empty or blank string, for a required string param (`nil` for others).
    public var resolvedPresentMessage: String? {
        guard type == .string, defaultValue == nil else { return nil }
        return presentMessage ?? "must be present"
    }
}
