import Foundation

/// A literal value of the spec, of a known type: a param's default or a rule's number.
/// The view-model stage writes it as Swift.
public enum SpecValue: Sendable, Hashable {
    /// `null`, for an optional.
    case null
    /// A whole number.
    case int(Int)
    /// A `double`, as written in the spec (`2.5`, `1e3`).
    case double(String)
    /// A `decimal`, as written in the spec (`-12.50`): digits, at most one point, no exponent.
    case decimal(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A string.
    case string(String)
    /// A UUID.
    case uuid(UUID)
    /// A point in time, to the millisecond.
    case date(Date)
}

/// The argument of a param's validation rule, checked against the param's type.
public enum RuleArgument: Sendable, Hashable {
    /// The bound of `min`, `max`, `greater_than` and `less_than`, of the param's number type.
    case number(SpecValue)
    /// The length of `min_length` and `max_length`.
    case length(Int)
    /// The regular expression of `format`.
    case pattern(String)
    /// The choices of `in`.
    case choices([String])
}
