import Foundation

/// How the spec's literal values (defaults, rule arguments) are written as Swift.
enum SwiftLiteral {
    /// A value as a Swift expression of its type.
    static func swift(_ value: SpecValue) -> String {
        switch value {
        case .null: "nil"
        case .int(let int): String(int)
        case .double(let text): text
        case .decimal(let text): decimal(text)
        case .bool(let bool): bool ? "true" : "false"
        case .string(let string): swiftStringLiteral(string)
        case .uuid(let uuid): self.uuid(uuid)
        case .date(let date): "Date(timeIntervalSince1970: \(seconds(date)))"
        }
    }

    /// A rule's argument as the Swift argument of its `ValidationRule` method.
    static func swift(_ argument: RuleArgument) -> String {
        switch argument {
        case .number(let value): swift(value)
        case .length(let length): String(length)
        case .pattern(let pattern): swiftStringLiteral(pattern)
        case .choices(let choices): "[" + choices.map(swiftStringLiteral).joined(separator: ", ") + "]"
        }
    }

    /// A Swift expression building a `Decimal` exactly, without going through `Double`: the text
    /// itself when it is whole (an integer literal), else `Decimal(sign:exponent:significand:)`.
    static func decimal(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        if fraction.isEmpty { return text }
        let significand = (String(parts.first ?? "") + fraction).drop { $0 == "0" }
        return
            "Decimal(sign: .\(negative ? "minus" : "plus"), exponent: -\(fraction.count), significand: \(significand.isEmpty ? "0" : String(significand)))"
    }

    /// A Swift expression for a UUID, from its bytes (no parsing, no force unwrap).
    static func uuid(_ uuid: UUID) -> String {
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        return "UUID(uuid: (" + bytes.map { String(format: "0x%02x", $0) }.joined(separator: ", ") + "))"
    }

    /// Seconds since 1970, written exactly enough for milliseconds.
    static func seconds(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let whole = Int(milliseconds / 1000)
        let rest = Int(milliseconds) - whole * 1000
        return rest == 0 ? String(whole) : String(format: "%d.%03d", whole, abs(rest))
    }
}
