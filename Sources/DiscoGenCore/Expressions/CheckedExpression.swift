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
    /// The Swift text of every name the expression reads: `state.balance`, `command.amount`,
    /// `event.amount`, `now`. What tells the generator which of `state`, `command` and
    /// `event` a function body uses, so that it binds only those.
    public var bindings: Set<String>

    /// A checked expression of some type.
    public init(type: SpecType, swift: String, bindings: Set<String>) {
        self.type = type
        self.swift = swift
        self.bindings = bindings
    }

    /// An expression that is one name: `command.amount`.
    public init(type: SpecType, binding: String) {
        self.init(type: type, swift: binding, bindings: [binding])
    }

    /// Whether the expression reads `root` or one of its members: `reads("state")` for
    /// `state.balance + amount`.
    public func reads(_ root: String) -> Bool {
        bindings.contains { $0 == root || $0.hasPrefix(root + ".") }
    }
}
