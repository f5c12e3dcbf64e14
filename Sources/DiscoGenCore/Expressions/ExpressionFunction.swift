/// A function of the expression language.
enum ExpressionFunction: String, Sendable, Hashable, CaseIterable {
    /// `contains(list, x)`: whether the list has an element equal to `x`; `contains(string, s)`:
    /// whether the string has `s` in it.
    case contains
    /// `append(list, x)`: a new list with `x` at the end.
    case append
    /// `remove(list, x)`: a new list without any element equal to `x`.
    case remove

    /// Its arguments, for messages.
    var arguments: String {
        switch self {
        case .contains: "a list or a string, and the value to look for"
        case .append: "a list and the value to add"
        case .remove: "a list and the value to remove"
        }
    }
}
