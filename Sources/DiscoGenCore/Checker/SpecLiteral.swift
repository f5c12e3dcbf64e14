import Foundation

/// How literal values in specs are recognised and written as Swift.
enum SpecLiteral {
    /// A decimal number as YAML writes it: `-12`, `0.5`, `1e3`. No hex, no `.inf`.
    static func isNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
    }

    /// A Swift expression building a `Decimal` exactly, without going through `Double`.
    static func decimal(_ text: String) -> String? {
        guard text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return nil }
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let significand = (String(parts[0]) + fraction).drop { $0 == "0" }
        guard significand.count <= 38 else { return nil }
        if fraction.isEmpty { return text }
        return "Decimal(sign: .\(negative ? "minus" : "plus"), exponent: -\(fraction.count), significand: \(significand.isEmpty ? "0" : String(significand)))"
    }

    /// A Swift expression for a UUID, from its bytes (no parsing, no force unwrap).
    static func uuid(_ uuid: UUID) -> String {
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        return "UUID(uuid: (" + bytes.map { String(format: "0x%02x", $0) }.joined(separator: ", ") + "))"
    }

    /// An ISO 8601 timestamp.
    static func date(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// Seconds since 1970, written exactly enough for milliseconds.
    static func seconds(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let whole = Int(milliseconds / 1000)
        let rest = Int(milliseconds) - whole * 1000
        return rest == 0 ? String(whole) : String(format: "%d.%03d", whole, abs(rest))
    }

    /// `a number`, `a UUID`, ...: how messages name what a value should be.
    static func article(_ type: SpecType) -> String {
        switch type.unwrapped {
        case .uuid: "a UUID"
        case .string: "a string"
        case .int: "a whole number"
        case .double, .decimal: "a number"
        case .bool: "true or false"
        case .date: "an ISO 8601 date"
        case .list: "a list"
        case .optional(let wrapped): article(wrapped)
        }
    }
}
