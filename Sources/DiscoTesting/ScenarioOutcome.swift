import Disco
import Testing

/// The outcome of a scenario's command, and the checks of what it must be.
///
/// Each `then` records a Swift Testing issue at its source location when the outcome
/// differs, with a readable diff of expected against actual, and returns the outcome so
/// checks chain: `.then(events: [...]).thenState([...])`.
public struct ScenarioOutcome<A: Aggregate>: Sendable {
    /// The scenario the command ran in.
    public let scenario: Scenario<A>
    /// The command as failure messages name it.
    public let commandDescription: String
    /// What the command led to.
    public let result: ScenarioResult<A>

    /// The events the command recorded; `nil` when it was refused.
    public var events: [A.Event]? {
        if case .recorded(let events, _) = result { return events }
        return nil
    }

    /// The state after the command; `nil` when it was refused.
    public var state: A? {
        if case .recorded(_, let state) = result { return state }
        return nil
    }

    /// Checks that the command recorded exactly these events, in order.
    @discardableResult
    public func then(_ expected: A.Event..., sourceLocation: SourceLocation = #_sourceLocation) -> Self
    where A.Event: Equatable {
        then(expected, sourceLocation: sourceLocation)
    }

    /// Checks that the command recorded exactly these events, in order.
    @discardableResult
    public func then(_ expected: [A.Event], sourceLocation: SourceLocation = #_sourceLocation) -> Self
    where A.Event: Equatable {
        guard let actual = accepted(expecting: "events", sourceLocation)?.events else { return self }
        if actual != expected {
            fail(
                "recorded other events",
                ScenarioDiff.lines(
                    expected: expected.map { ScenarioEvent($0).description },
                    actual: actual.map { ScenarioEvent($0).description }
                ),
                sourceLocation
            )
        }
        return self
    }

    /// Checks that the command recorded exactly these events, in order, by type and payload.
    /// Numbers compare by value (`5` equals `5.0`), uuids and dates by what they mean.
    @discardableResult
    public func then(events expected: [ScenarioEvent], sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        guard let actual = accepted(expecting: "events", sourceLocation)?.events else { return self }
        let recorded = actual.map(ScenarioEvent.init)
        let same =
            recorded.count == expected.count
            && zip(recorded, expected).allSatisfy { $0.type == $1.type && ScenarioValues.same($0.payload, $1.payload) }
        if !same {
            fail(
                "recorded other events",
                ScenarioDiff.lines(expected: expected.map(\.description), actual: recorded.map(\.description)),
                sourceLocation
            )
        }
        return self
    }

    /// Checks the fields of the state after the command that are named (`id` included);
    /// fields not named are not checked. Values compare as in ``then(events:sourceLocation:)``.
    @discardableResult
    public func thenState(_ expected: Params, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        guard let state = accepted(expecting: "a state", sourceLocation)?.state else { return self }
        let actual = state.fields
        var lines: [String] = []
        for (field, value) in expected {
            guard let found = actual[field] else {
                lines.append("  \(field): expected \(value), but the state has no such field")
                continue
            }
            if !ScenarioValues.same(found, value) { lines.append("  \(field): expected \(value), actual \(found)") }
        }
        if !lines.isEmpty { fail("left another state", lines.joined(separator: "\n"), sourceLocation) }
        return self
    }

    /// Checks the state after the command with your own expectations.
    @discardableResult
    public func thenState(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ check: (A) throws -> Void
    ) rethrows -> Self {
        guard let state = accepted(expecting: "a state", sourceLocation)?.state else { return self }
        try check(state)
        return self
    }

    /// Checks that the command was valid but refused with exactly this error map
    /// (`require` rules, `not found`, `already exists`).
    @discardableResult
    public func thenRejected(_ expected: ValidationErrors, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        reportProblems()
        if case .rejected(let actual) = result {
            if actual != expected {
                fail(
                    "was rejected with other errors",
                    ScenarioDiff.errors(expected: expected, actual: actual),
                    sourceLocation
                )
            }
        } else {
            fail("was not rejected", "  expected: rejected with \(expected)\n  actual:   \(result)", sourceLocation)
        }
        return self
    }

    /// Checks that the command's params failed validation with exactly this error map.
    @discardableResult
    public func thenInvalid(_ expected: ValidationErrors, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        reportProblems()
        if case .invalid(let actual) = result {
            if actual != expected {
                fail(
                    "had other invalid params",
                    ScenarioDiff.errors(expected: expected, actual: actual),
                    sourceLocation
                )
            }
        } else {
            fail("had valid params", "  expected: invalid params \(expected)\n  actual:   \(result)", sourceLocation)
        }
        return self
    }

    private func accepted(expecting what: String, _ sourceLocation: SourceLocation) -> (events: [A.Event], state: A)? {
        reportProblems()
        guard case .recorded(let events, let state) = result else {
            fail("was not accepted", "  expected: \(what)\n  actual:   \(result)", sourceLocation)
            return nil
        }
        return (events, state)
    }

    private func reportProblems() {
        for problem in scenario.problems {
            Issue.record(Comment(rawValue: problem.message), sourceLocation: problem.sourceLocation)
        }
    }

    private func fail(_ summary: String, _ details: String, _ sourceLocation: SourceLocation) {
        Issue.record(Comment(rawValue: "\(commandDescription) \(summary)\n\(details)"), sourceLocation: sourceLocation)
    }
}

extension ScenarioOutcome where A: Equatable {
    /// Checks that the state after the command is exactly this one.
    @discardableResult
    public func thenState(_ expected: A, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        guard let state = accepted(expecting: "a state", sourceLocation)?.state else { return self }
        if state != expected {
            let lines = expected.fields.compactMap { field, value -> String? in
                let found = state.fields[field] ?? .null
                return found == value ? nil : "  \(field): expected \(value), actual \(found)"
            }
            fail("left another state", lines.joined(separator: "\n"), sourceLocation)
        }
        return self
    }
}
