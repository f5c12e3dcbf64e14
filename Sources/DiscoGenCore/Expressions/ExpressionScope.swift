/// What an expression may refer to at the place where it is written.
///
/// A command's `require`, `when` and `with` see the command's params and `state`; an event's `apply`
/// sees the event's fields and `state` but not `now`; a query's `where` sees the query's params;
/// an upcast step's `with` sees the recorded version's fields only.
public struct ExpressionScope: Sendable, Hashable {
    /// A name an expression may use: its type and what it refers to.
    public struct Binding: Sendable, Hashable {
        /// The type of the value, as the spec declares it.
        public var type: SpecType
        /// What the name refers to.
        public var reference: ExpressionReference

        /// A name of some type.
        public init(type: SpecType, reference: ExpressionReference) {
            self.type = type
            self.reference = reference
        }
    }

    /// Bare names, by their spec (snake_case) name: a command's or query's params, or an event's fields.
    public var names: [String: Binding]
    /// The types of the fields of `state.x`, by their spec name; `nil` when `state` cannot be used here.
    public var stateFields: [String: SpecType]?
    /// Whether `now` can be used here.
    public var allowsNow: Bool
    /// Why `state` cannot be used here, appended to the error when an expression uses it anyway.
    public var unavailableStateReason: String?
    /// Why `now` cannot be used here, appended to the error when an expression uses it anyway,
    /// e.g. "an event's apply must not depend on the time; record the time in an event field with `with: { at: now }`".
    public var unavailableNowReason: String?

    /// A scope; by default nothing is available.
    public init(
        names: [String: Binding] = [:],
        stateFields: [String: SpecType]? = nil,
        allowsNow: Bool = false,
        unavailableStateReason: String? = nil,
        unavailableNowReason: String? = nil
    ) {
        self.names = names
        self.stateFields = stateFields
        self.allowsNow = allowsNow
        self.unavailableStateReason = unavailableStateReason
        self.unavailableNowReason = unavailableNowReason
    }
}
