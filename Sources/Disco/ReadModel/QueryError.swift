/// Why a query gave no answer.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No registered aggregate has a query of this name.
    case unknownQuery(String)
    /// The params broke validation rules.
    case invalidParams(ValidationErrors)

    public var description: String {
        switch self {
        case .unknownQuery: "unknown query"
        case .invalidParams(let errors): errors.description
        }
    }
}
