/// An expression that parsed and type-checked: its type and its typed tree, whose names are
/// symbolic ``ExpressionReference``s. The view-model stage renders it as Swift.
public struct CheckedExpression: Sendable, Hashable {
    /// The type of the expression. When an expected type was given, it accepts this type: it is the
    /// expected type itself, or (when the expected type is optional) the type it wraps.
    public var type: SpecType
    /// The typed tree.
    var typed: TypedExpression
    /// Every name the expression reads. What tells the generator which of `state`, `command` and
    /// `event` a function body uses, so that it binds only those.
    public let references: Set<ExpressionReference>

    /// A checked expression with its tree.
    init(type: SpecType, typed: TypedExpression) {
        self.type = type
        self.typed = typed
        self.references = typed.references
    }

    /// An expression that is one name: a param, a state field.
    public init(type: SpecType, reference: ExpressionReference) {
        self.init(type: type, typed: TypedExpression(.reference(reference), type))
    }

    /// The reference, when the whole expression is one name.
    public var reference: ExpressionReference? {
        if case .reference(let reference) = typed.kind { return reference }
        return nil
    }

    /// Whether the expression is the literal `null`.
    public var isNull: Bool {
        if case .null = typed.kind { return true }
        return false
    }

    /// Whether the expression reads the state.
    public var readsState: Bool { references.contains(where: \.isState) }
    /// Whether the expression reads a param.
    public var readsParams: Bool { references.contains(where: \.isParam) }
    /// Whether the expression reads an event field.
    public var readsEventFields: Bool { references.contains(where: \.isEventField) }
    /// Whether the expression reads `now`.
    public var readsNow: Bool { references.contains(.now) }
}
