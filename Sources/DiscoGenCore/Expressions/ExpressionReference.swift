/// What a name in an expression stands for, independent of how any language spells it.
///
/// The checker resolves every name to one of these; the view-model stage decides the Swift each
/// one becomes (`command.amount`, `self.amount`, `event.amount`, `context.now`, ...).
public enum ExpressionReference: Sendable, Hashable {
    /// A param of the command or query the expression belongs to, by its spec (snake_case) name.
    case param(String)
    /// A field of the event: the event being applied, or the recorded version an upcast step reads.
    case eventField(String)
    /// `state.field` (or the implicit `id`), by its spec name.
    case stateField(String)
    /// `now`: the time of the command or query.
    case now

    /// Whether the reference reads the state.
    public var isState: Bool {
        if case .stateField = self { return true }
        return false
    }

    /// Whether the reference reads a param.
    public var isParam: Bool {
        if case .param = self { return true }
        return false
    }

    /// Whether the reference reads an event field.
    public var isEventField: Bool {
        if case .eventField = self { return true }
        return false
    }
}
