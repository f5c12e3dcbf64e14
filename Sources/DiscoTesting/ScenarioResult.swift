import Disco

/// What a scenario's command led to.
public enum ScenarioResult<A: Aggregate>: Sendable {
    /// The command was accepted: the events it records and the state after them.
    case recorded([A.Event], state: A)
    /// The command was valid but refused: `require` rules, `not found`, `already exists`.
    case rejected(ValidationErrors)
    /// The params did not validate.
    case invalid(ValidationErrors)
    /// The aggregate has no command of that name.
    case unknownCommand(String)
}

extension ScenarioResult: CustomStringConvertible {
    /// The result as failure messages show it.
    public var description: String {
        switch self {
        case .recorded(let events, _):
            events.isEmpty
                ? "accepted, recording no events"
                : "accepted, recording " + events.map { ScenarioEvent($0).description }.joined(separator: ", ")
        case .rejected(let errors): "rejected with \(errors)"
        case .invalid(let errors): "invalid params \(errors)"
        case .unknownCommand(let name): "unknown command '\(name)'"
        }
    }
}
