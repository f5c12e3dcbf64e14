import Foundation

/// One validation rule of a param, with the message given when a value breaks it.
///
/// Generated code writes each rule with its message spelt out, so the message the user sees
/// is the one in the generated source:
///
/// ```swift
/// .greaterThan(0, message: "must be a number greater than 0")
/// ```
public struct ValidationRule<Wrapped: Sendable>: Sendable {
    /// The message given when a value breaks the rule.
    public let message: String
    @usableFromInline let isSatisfied: @Sendable (Wrapped) -> Bool

    /// A rule from a predicate.
    /// - Parameters:
    ///   - message: The message given when the predicate is false.
    ///   - isSatisfied: Whether a value keeps the rule.
    public init(message: String, isSatisfied: @escaping @Sendable (Wrapped) -> Bool) {
        self.message = message
        self.isSatisfied = isSatisfied
    }

    /// Whether a value keeps the rule.
    @inlinable
    public func check(_ value: Wrapped) -> Bool {
        isSatisfied(value)
    }
}

extension ValidationRule where Wrapped: Comparable {
    /// `min: n`: the value is at least `bound`.
    public static func min(_ bound: Wrapped, message: String) -> ValidationRule {
        ValidationRule(message: message) { $0 >= bound }
    }

    /// `max: n`: the value is at most `bound`.
    public static func max(_ bound: Wrapped, message: String) -> ValidationRule {
        ValidationRule(message: message) { $0 <= bound }
    }

    /// `greater_than: n`: the value is above `bound`.
    public static func greaterThan(_ bound: Wrapped, message: String) -> ValidationRule {
        ValidationRule(message: message) { $0 > bound }
    }

    /// `less_than: n`: the value is below `bound`.
    public static func lessThan(_ bound: Wrapped, message: String) -> ValidationRule {
        ValidationRule(message: message) { $0 < bound }
    }
}

extension ValidationRule where Wrapped: Collection {
    /// `min_length: n`: a string of at least `bound` characters, or a list of at least `bound` items.
    public static func minLength(_ bound: Int, message: String) -> ValidationRule {
        ValidationRule(message: message) { $0.count >= bound }
    }

    /// `max_length: n`: a string of at most `bound` characters, or a list of at most `bound` items.
    public static func maxLength(_ bound: Int, message: String) -> ValidationRule {
        ValidationRule(message: message) { $0.count <= bound }
    }
}

extension ValidationRule where Wrapped == String {
    /// `in: [a, b]`: the string is one of `choices`.
    public static func oneOf(_ choices: Set<String>, message: String) -> ValidationRule {
        ValidationRule(message: message) { choices.contains($0) }
    }

    /// `format: regex`: the whole string matches the regular expression.
    ///
    /// The pattern uses `NSRegularExpression` syntax; the generator checks it compiles.
    public static func format(_ pattern: String, message: String) -> ValidationRule {
        let regex = SendableRegex(pattern)
        return ValidationRule(message: message) { regex.matchesWhole($0) }
    }
}

/// A compiled regular expression that may be shared between tasks: `NSRegularExpression` is
/// immutable once made.
private struct SendableRegex: @unchecked Sendable {
    private let regex: NSRegularExpression?

    init(_ pattern: String) {
        self.regex = try? NSRegularExpression(pattern: pattern)
    }

    func matchesWhole(_ string: String) -> Bool {
        guard let regex else { return false }
        let range = NSRange(string.startIndex..., in: string)
        guard let match = regex.firstMatch(in: string, options: [.anchored], range: range) else { return false }
        return match.range == range
    }
}
