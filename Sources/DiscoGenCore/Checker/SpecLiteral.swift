import Foundation

/// How literal values in specs are recognised.
enum SpecLiteral {
    /// A decimal number as YAML writes it: `-12`, `0.5`, `1e3`. No hex, no `.inf`.
    static func isNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
    }

    /// A number that a `Decimal` holds exactly: digits with at most one point, no exponent, at
    /// most 38 significant digits.
    static func isDecimal(_ text: String) -> Bool {
        guard text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return false }
        let digits = text.filter(\.isNumber).drop { $0 == "0" }
        return digits.count <= 38
    }

    /// An ISO 8601 timestamp.
    static func date(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
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
