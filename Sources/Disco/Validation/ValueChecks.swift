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
    public var errors: ValidationErrors { found }

    // Inlinable, with the members below, so that generated code specialises the checks for
    // its types instead of running them generic (a metadata lookup per call).
    @usableFromInline var found = ValidationErrors()

    /// No problems yet.
    @inlinable
    public init() {}

    /// A value the spec requires: each broken rule is reported; a string that breaks none
    /// but is empty or only whitespace is reported with `presentMessage`, as
    /// ``ParamsReader/required(_:_:presentMessage:rules:)`` does.
    @inlinable
    public mutating func required<Wrapped>(
        _ name: String,
        _ value: Wrapped,
        presentMessage: String = ValidationMessage.present,
        rules: [ValidationRule<Wrapped>] = []
    ) {
        guard check(name, value, rules) else { return }
        if let string = value as? String, string.allSatisfy(\.isWhitespace) {
            found.add(presentMessage, to: name)
        }
    }

    /// A value with a default: each broken rule is reported.
    @inlinable
    public mutating func defaulted<Wrapped>(_ name: String, _ value: Wrapped, rules: [ValidationRule<Wrapped>]) {
        check(name, value, rules)
    }

    /// An optional value: each broken rule is reported when there is a value.
    @inlinable
    public mutating func optional<Wrapped>(_ name: String, _ value: Wrapped?, rules: [ValidationRule<Wrapped>]) {
        guard let value else { return }
        check(name, value, rules)
    }

    /// Reports every rule `value` breaks; `true` when it breaks none.
    @discardableResult
    @inlinable
    mutating func check<Wrapped>(_ name: String, _ value: Wrapped, _ rules: [ValidationRule<Wrapped>]) -> Bool {
        var satisfied = true
        for rule in rules where !rule.check(value) {
            found.add(rule.message, to: name)
            satisfied = false
        }
        return satisfied
    }
}
