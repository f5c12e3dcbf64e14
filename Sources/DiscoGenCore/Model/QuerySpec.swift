/// A query of the spec.
public struct QuerySpec: Sendable, Hashable {
    /// What a query returns.
    public enum Returns: String, Sendable, Hashable, CaseIterable {
        /// Every matching state, ordered by creation.
        case list
        /// The matching state, or not found.
        case one
    }

    /// The snake_case name.
    public var name: Located<String>
    /// The params, in order.
    public var params: [ParamSpec]
    /// The conditions: each state field must equal its expression.
    public var whereClauses: [AssignmentSpec]
    /// A list or one state.
    public var returns: Returns

    /// A query with every part given.
    public init(name: Located<String>, params: [ParamSpec], whereClauses: [AssignmentSpec], returns: Returns = .list) {
        self.name = name
        self.params = params
        self.whereClauses = whereClauses
        self.returns = returns
    }
}
