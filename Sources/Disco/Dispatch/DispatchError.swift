/// Why a command was not recorded.
///
/// Each case is a different kind of failure, for callers to tell apart: an unknown name
/// (`unknownCommand`), params breaking the spec's rules (`invalidParams`), the aggregate
/// refusing a valid command (`rejected`: `not found`, `already exists`, a `require` rule),
/// writers racing on one stream past the retry limit (`conflict`), the store failing
/// (`storeFailure`), a middleware refusing it (`refused`), and the aggregate not being at
/// the version the command expected (`versionMismatch`).
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
    /// A middleware refused the command before it was validated; nothing was recorded.
    case refused(DispatchRefusal)
    /// The aggregate was not at ``CommandMetadata/expectedVersion`` (`actual` 0: it does not
    /// exist); nothing was recorded.
    case versionMismatch(expected: Int, actual: Int)

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
        case .refused(let refusal): "refused: \(refusal)"
        case .versionMismatch(let expected, let actual):
            "the aggregate is at version \(actual), not \(expected); the command was not recorded"
        }
    }
}
