/// The typed API the generated `Client` of each aggregate is built on: the same dispatch
/// and queries as the dynamic API (validation, middleware, idempotency), with the states
/// returned as the aggregate's Swift type.
extension Orchestrator {
    /// Dispatches a command of one aggregate type and returns its new state.
    ///
    /// Without middleware it goes straight to the aggregate type's runtime and builds no
    /// ``AggregateState``.
    /// - Parameters:
    ///   - type: The aggregate the command belongs to.
    ///   - name: The command's name.
    ///   - params: The command's params, as the dynamic API takes them.
    ///   - metadata: The command's ids and metadata.
    /// - Throws: ``DispatchError``; `unknownCommand` when the command is not one of `type`'s.
    @discardableResult
    public nonisolated func dispatch<State: Aggregate>(
        _ type: State.Type,
        _ name: String,
        _ params: Params,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> State {
        if middleware.withLock({ $0.isEmpty }), let runtime = runtime(of: type) {
            return try await runtime.dispatchTyped(name, params, metadata: metadata)
        }
        guard State.commandNames.contains(name) else { throw .unknownCommand(name) }
        let result = try await dispatch(name, params, metadata: metadata)
        guard let state = result.state(as: type) else { throw .unknownCommand(name) }
        return state
    }

    /// Dispatches a typed command and returns the aggregate's new state: no params are
    /// built or read unless middleware is in use, which sees the command's params. The
    /// command's rules are checked on its typed values first, as the dynamic API checks params.
    /// - Parameters:
    ///   - type: The aggregate the command belongs to.
    ///   - command: The command; `invalidParams` when its values break its rules.
    ///   - params: The command's params, for middleware; built only when there is any.
    ///   - metadata: The command's ids and metadata.
    /// - Throws: ``DispatchError``; `unknownCommand` when `type` is not registered.
    @discardableResult
    public nonisolated func dispatch<State: Aggregate>(
        _ type: State.Type,
        _ command: State.Command,
        params: @autoclosure () -> Params,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> State {
        if middleware.withLock({ $0.isEmpty }), let runtime = runtime(of: type) {
            do { try command.validate() } catch { throw .invalidParams(error) }
            return try await runtime.dispatch(command, metadata: metadata)
        }
        return try await dispatch(type, command.name, params(), metadata: metadata)
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

    /// The runtime of an aggregate type, `nil` when it is not registered.
    private nonisolated func runtime<State: Aggregate>(of type: State.Type) -> AggregateRuntime<State>? {
        runtimesByAggregate[State.aggregateName] as? AggregateRuntime<State>
    }
}
