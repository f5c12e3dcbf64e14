import Disco

/// The param value a query-string value stands for: a JSON number, boolean or `null` when it
/// reads as one, the string itself otherwise (UUIDs, names, dates stay strings).
enum QueryValue {
    static func value(_ text: String) -> Value {
        guard let first = text.utf8.first else { return .string(text) }
        let mayBeLiteral =
            first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
            || text == "true" || text == "false" || text == "null"
        guard mayBeLiteral, let value = try? JSON.decode(text) else { return .string(text) }
        switch value {
        case .int, .double, .decimal, .bool, .null: return value
        default: return .string(text)
        }
    }
}
