/// Checks the spec's rules on a typed command's values, with the messages and in the order
/// ``ParamsReader`` reports them for the same values as params: the typed API's validation,
/// which reads no params.
///
/// The Swift types already guarantee what ``ParamsReader`` checks about a value's type, so
/// only the rules remain, and `must be present` for a required string:
///
/// ```swift
/// var checks = ValueChecks()
/// checks.required("amount", self.amount, rules: [.greaterThan(0, message: "…")])
/// try checks.errors.throwIfAny()
/// ```
public struct ValueChecks: Sendable {
    /// Every problem found so far.
    public private(set) var errors = ValidationErrors()

    /// No problems yet.
    public init() {}

    /// A value the spec requires: each broken rule is reported; a string that breaks none
    /// but is empty or only whitespace is reported with `presentMessage`, as
    /// ``ParamsReader/required(_:_:presentMessage:rules:)`` does.
    public mutating func required<Wrapped>(
        _ name: String,
        _ value: Wrapped,
        presentMessage: String = ValidationMessage.present,
        rules: [ValidationRule<Wrapped>] = []
    ) {
        guard check(name, value, rules) else { return }
        if let string = value as? String, string.allSatisfy(\.isWhitespace) {
            errors.add(presentMessage, to: name)
        }
    }

    /// A value with a default: each broken rule is reported.
    public mutating func defaulted<Wrapped>(_ name: String, _ value: Wrapped, rules: [ValidationRule<Wrapped>]) {
        check(name, value, rules)
    }

    /// An optional value: each broken rule is reported when there is a value.
    public mutating func optional<Wrapped>(_ name: String, _ value: Wrapped?, rules: [ValidationRule<Wrapped>]) {
        guard let value else { return }
        check(name, value, rules)
    }

    /// Reports every rule `value` breaks; `true` when it breaks none.
    @discardableResult
    private mutating func check<Wrapped>(_ name: String, _ value: Wrapped, _ rules: [ValidationRule<Wrapped>]) -> Bool {
        var satisfied = true
        for rule in rules where !rule.check(value) {
            errors.add(rule.message, to: name)
            satisfied = false
        }
        return satisfied
    }
}
