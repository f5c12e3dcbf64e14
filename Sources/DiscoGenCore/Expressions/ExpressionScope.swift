/// What an expression may refer to at the place where it is written, and the Swift each name renders to.
///
/// A command's `require`, `when` and `with` see the command's params and `state`; an event's `apply`
/// sees the event's fields and `state` but not `now`; a query's `where` sees the query's params.
public struct ExpressionScope: Sendable, Hashable {
    /// A name an expression may use: its type and the Swift text it renders to.
    public struct Binding: Sendable, Hashable {
        /// The type of the value, as the spec declares it.
        public var type: SpecType
        /// The Swift expression for the value, e.g. `command.amount` or `state.balance`.
        ///
        /// Meant to be an identifier or a member chain; anything else is parenthesised when rendered.
        public var swift: String

        /// A name of some type that renders as `swift`.
        public init(type: SpecType, swift: String) {
            self.type = type
            self.swift = swift
        }
    }

    /// Bare names, by their spec (snake_case) name: a command's or query's params, or an event's fields.
    public var names: [String: Binding]
    /// The fields of `state.x`, by their spec name; `nil` when `state` cannot be used here.
    public var stateFields: [String: Binding]?
    /// What `now` renders to; `nil` when `now` cannot be used here.
    public var now: Binding?
    /// Why `state` cannot be used here, appended to the error when an expression uses it anyway.
    public var unavailableStateReason: String?
    /// Why `now` cannot be used here, appended to the error when an expression uses it anyway,
    /// e.g. "an event's apply must not depend on the time; record the time in an event field with `with: { at: now }`".
    public var unavailableNowReason: String?

    /// A scope; by default nothing is available.
    public init(
        names: [String: Binding] = [:],
        stateFields: [String: Binding]? = nil,
        now: Binding? = nil,
        unavailableStateReason: String? = nil,
        unavailableNowReason: String? = nil
    ) {
        self.names = names
        self.stateFields = stateFields
        self.now = now
        self.unavailableStateReason = unavailableStateReason
        self.unavailableNowReason = unavailableNowReason
    }
}
