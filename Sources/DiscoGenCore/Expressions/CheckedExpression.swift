/// An expression that parsed and type-checked, rendered as Swift.
public struct CheckedExpression: Sendable, Hashable {
    /// The type of `swift`. When an expected type was given, it accepts this type: it is the
    /// expected type itself, or (when the expected type is optional) the type it wraps.
    public var type: SpecType
    /// The Swift source of the expression.
    ///
    /// Operands inside are parenthesised wherever precedence could matter, but the top level is
    /// not: wrap it in parentheses before negating it or using it as an operand (`!(\(swift))`).
    public var swift: String

    /// A checked expression of some type.
    public init(type: SpecType, swift: String) {
        self.type = type
        self.swift = swift
    }
}
