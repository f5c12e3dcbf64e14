/// Queries, answered from the read model.
extension AggregateRuntime {
    func query(_ name: String, _ params: Params) throws(QueryError) -> QueryResult {
        let query: Query<State>
        do {
            guard let parsed = try State.query(named: name, params: params) else { throw QueryError.unknownQuery(name) }
            query = parsed
        } catch let errors as ValidationErrors {
            throw .invalidParams(errors)
        } catch {
            throw error as? QueryError ?? .unknownQuery(name)
        }
        let matches = readModel.matches(query)
        switch query.returns {
        case .list: return .list(matches.map { AggregateState($0.state, version: $0.version) })
        case .one: return .one(matches.first.map { AggregateState($0.state, version: $0.version) })
        }
    }
}
