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
    /// An equality condition the `where` implies, which the runtime answers from an index;
    /// `nil` when the query scans every state.
    public let index: QueryIndex?
    private let predicate: @Sendable (State) -> Bool

    /// A query with its `where` clause as a predicate, and optionally an equality condition
    /// the predicate implies, for the runtime to look candidates up by.
    /// - Parameters:
    ///   - name: The query's name: `list_wallets`.
    ///   - returns: Whether it returns a list or one state.
    ///   - predicate: The `where` clause; decides on every candidate.
    ///   - index: `field == value`, implied by the predicate (`state.userId == self.userId`
    ///     gives `QueryIndex(field: "user_id", value: Value(userId))`).
    public init(
        name: String,
        returns: Cardinality,
        where predicate: @escaping @Sendable (State) -> Bool,
        index: QueryIndex? = nil
    ) {
        self.name = name
        self.returns = returns
        self.predicate = predicate
        self.index = index
    }

    /// A query with its `where` clause as a predicate and the equality condition it implies,
    /// given as a field name and value.
    public init(
        name: String,
        returns: Cardinality,
        where predicate: @escaping @Sendable (State) -> Bool,
        index: (field: String, value: Value)
    ) {
        self.init(name: name, returns: returns, where: predicate, index: QueryIndex(field: index.field, value: index.value))
    }

    /// Whether a state matches the query's `where`.
    public func matches(_ state: State) -> Bool {
        predicate(state)
    }
}
