/// A JSON value as the generator writes it: numbers keep the text the spec wrote them with,
/// objects are written with their keys sorted, so the same value always gives the same bytes.
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as text that is a valid JSON number (`0`, `-2.5`, `1e3`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; written with its keys sorted by their UTF-8 bytes.
    case object([String: JSONValue])

    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// An integer.
    public static func int(_ value: Int) -> JSONValue {
        .number(String(value))
    }
}
