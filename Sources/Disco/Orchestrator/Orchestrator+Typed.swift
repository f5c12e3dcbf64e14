/// The typed API the generated `Client` of each aggregate is built on: the same dispatch
/// and queries as the dynamic API (validation, middleware, idempotency), with the states
/// returned as the aggregate's Swift type.
extension Orchestrator {
    /// Dispatches a command of one aggregate type and returns its new state.
    /// - Parameters:
    ///   - type: The aggregate the command belongs to.
    ///   - name: The command's name.
    ///   - params: The command's params, as the dynamic API takes them.
    ///   - metadata: The command's ids and metadata.
    /// - Throws: ``DispatchError``; `unknownCommand` when the command is not one of `type`'s.
    @discardableResult
    public func dispatch<State: Aggregate>(
        _ type: State.Type,
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> State {
        guard State.commandNames.contains(name) else { throw .unknownCommand(name) }
        let result = try await dispatch(name, params, metadata: metadata)
        guard let state = result.state(as: type) else { throw .unknownCommand(name) }
        return state
    }

    /// Answers a query of one aggregate type with the states as its Swift type.
    /// - Throws: ``QueryError``; `unknownQuery` when the query is not one of `type`'s.
    public func query<State: Aggregate>(
        _ type: State.Type,
        _ name: String,
        _ params: Params
    ) async throws(QueryError) -> [State] {
        guard State.queryNames.contains(name) else { throw .unknownQuery(name) }
        return try await query(name, params).states.compactMap { $0.state(as: type) }
    }
}
