/// An aggregate's state after a number of events: what a ``SnapshotSource`` returns.
public struct AggregateSnapshot<State: Aggregate>: Sendable {
    /// The state.
    public var state: State
    /// The version of the last event folded into the state.
    public var version: Int

    /// A snapshot of a state at a version.
    public init(state: State, version: Int) {
        self.state = state
        self.version = version
    }
}
