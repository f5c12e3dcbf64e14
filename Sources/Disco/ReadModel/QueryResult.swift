/// The answer to a query: a list of states, or the one matching state.
public enum QueryResult: Sendable, Hashable, CustomStringConvertible {
    /// Every matching state, ordered by creation (`returns: list`).
    case list([AggregateState])
    /// The matching state, `nil` when none matches (`returns: one`).
    case one(AggregateState?)

    /// The states of the answer, whichever its kind.
    public var states: [AggregateState] {
        switch self {
        case .list(let states): states
        case .one(let state): state.map { [$0] } ?? []
        }
    }

    public var description: String {
        switch self {
        case .list(let states): "[" + states.map(\.description).joined(separator: ", ") + "]"
        case .one(let state): state?.description ?? "not found"
        }
    }
}
