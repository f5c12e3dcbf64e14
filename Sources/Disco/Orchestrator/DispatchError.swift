/// Why a command was not recorded.
public enum DispatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No registered aggregate has a command of this name.
    case unknownCommand(String)
    /// The params broke validation rules: every failing rule of every param.
    case invalidParams(ValidationErrors)
    /// The command was valid but the aggregate refused it: `not found`, `already exists`, or
    /// broken business rules (`require`).
    case rejected(ValidationErrors)
    /// The stream kept changing under the command, more times than the retry limit.
    case conflict(StreamID)
    /// The event store failed; nothing is known to be recorded.
    case storeFailure(EventStoreError)

    /// The field messages, for `invalidParams` and `rejected`.
    public var errors: ValidationErrors? {
        switch self {
        case .invalidParams(let errors), .rejected(let errors): errors
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .unknownCommand: "unknown command"
        case .invalidParams(let errors), .rejected(let errors): errors.description
        case .conflict(let stream): "stream \(stream) kept changing; the command was not recorded"
        case .storeFailure(let error): "event store failure: \(error)"
        }
    }
}
