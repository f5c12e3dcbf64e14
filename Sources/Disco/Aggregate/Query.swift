/// A validated query over one aggregate type's states.
public struct Query<State: Aggregate>: Sendable {
    /// How many states a query returns.
    public enum Cardinality: Sendable, Hashable {
        /// Every matching state, ordered by creation.
        case list
        /// The one matching state, if any.
        case one
    }

    /// The query's name, as in the spec: `list_wallets`.
    public let name: String
    /// Whether it returns a list or one state.
    public let returns: Cardinality
    private let predicate: @Sendable (State) -> Bool

    /// A query with its `where` clause as a predicate.
    public init(name: String, returns: Cardinality, where predicate: @escaping @Sendable (State) -> Bool) {
        self.name = name
        self.returns = returns
        self.predicate = predicate
    }

    /// Whether a state matches the query's `where`.
    public func matches(_ state: State) -> Bool {
        predicate(state)
    }
}
