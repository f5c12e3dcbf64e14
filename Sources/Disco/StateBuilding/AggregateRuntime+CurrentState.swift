import Foundation

/// Reading one aggregate's current state, as `GET /aggregates/{Aggregate}/{id}` does.
extension AggregateRuntime {
    /// The current state of one aggregate with its version, caught up from the store when the
    /// cache does not mark it current; `nil` when its stream is empty.
    ///
    /// Takes the aggregate's turn, so that it never sees a command half-recorded nor keeps an
    /// older state over a newer one.
    func currentState(_ id: UUID) async throws(DispatchError) -> AggregateState? {
        if !turns.take(id) {
            await withCheckedContinuation { turns.wait(id, $0) }
        }
        defer { turns.pass(id) }
        guard let entry = try await load(StreamID(aggregate: aggregateName, id: id)) else { return nil }
        return AggregateState(entry.state, version: entry.version)
    }
}
