import Disco
import Testing

extension ScenarioOutcome {
    /// Checks that the params failed validation with a message for one param, whatever
    /// else failed: the boundary checks disco-gen derives from validation rules.
    @discardableResult
    public func thenInvalid(
        param: String,
        including message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Self {
        if case .invalid(let errors) = result, errors[param].contains(message) { return self }
        Issue.record(
            Comment(
                rawValue:
                    "\(commandDescription) was not refused as expected\n  expected: invalid params with \(param): [\"\(message)\"]\n  actual:   \(result)"
            ),
            sourceLocation: sourceLocation
        )
        return self
    }

    /// Checks that one param passed validation (the command may still be refused for other reasons).
    @discardableResult
    public func thenValid(param: String, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        if case .invalid(let errors) = result, !errors[param].isEmpty {
            Issue.record(
                Comment(
                    rawValue:
                        "\(commandDescription) refused a valid \(param)\n  expected: no message for \(param)\n  actual:   \(result)"
                ),
                sourceLocation: sourceLocation
            )
        }
        return self
    }
}
