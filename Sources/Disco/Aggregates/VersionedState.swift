/// A state with the version of the last event applied to it.
struct VersionedState<State: Aggregate>: Sendable {
    var state: State
    var version: Int
}
