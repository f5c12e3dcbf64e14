import Disco
import Foundation
import Testing

/// A Given/When/Then test of one aggregate, pure and without a store: the events already
/// recorded (`given`), one command (`when`), and what it must lead to (`then`).
///
/// ```swift
/// Scenario<BankAccount>()
///     .given(.accountOpened(.init(owner: "Ada", overdraftLimit: 0)))
///     .when { id in .withdraw(.init(id: id, amount: 30)) }
///     .thenRejected(["amount": ["exceeds the overdraft limit"]])
///
/// Scenario<BankAccount>()
///     .given(ScenarioEvent("account_opened", ["owner": "Ada", "overdraft_limit": 0]))
///     .when("deposit", ["amount": 5])
///     .then(events: [ScenarioEvent("money_deposited", ["amount": 5])])
///     .thenState(["balance": 5])
/// ```
///
/// The command runs as the orchestrator runs it, minus the store: params are validated
/// (typed commands by their `validate()`, dynamic ones as they are read), a command for an aggregate without events is refused with
/// `{id: ["not found"]}` and a creating command for one with events with
/// `{id: ["already exists"]}`, then the aggregate decides and the events are applied.
public struct Scenario<A: Aggregate>: Sendable {
    /// The id of the aggregate when none is given: the same in every scenario.
    public static var defaultID: UUID { UUID(uuidString: "00000000-0000-4000-8000-000000000001") ?? UUID() }

    /// The aggregate's id: the id of its stream and the `id` param of dynamic commands.
    public let id: UUID
    /// The events recorded before the command, in order.
    public let history: [A.Event]
    /// The time `now` means for the command.
    public let now: Date
    /// Problems found while stating the scenario (an event that does not decode), reported by every `then`.
    let problems: [Problem]

    struct Problem: Sendable {
        let message: String
        let sourceLocation: SourceLocation
    }

    /// A scenario of an aggregate with no events yet.
    /// - Parameters:
    ///   - id: The aggregate's id.
    ///   - now: The time `now` means for the command; the current time when absent.
    public init(id: UUID = Scenario.defaultID, now: Date = Date()) {
        self.init(id: id, history: [], now: now, problems: [])
    }

    init(id: UUID, history: [A.Event], now: Date, problems: [Problem]) {
        self.id = id
        self.history = history
        self.now = now
        self.problems = problems
    }

    /// The state after the given events.
    public var state: A { A(id: id).applying(history) }

    /// The scenario with events recorded before the command, after those already given.
    public func given(_ events: A.Event...) -> Scenario { given(events) }

    /// The scenario with events recorded before the command, after those already given.
    public func given(_ events: [A.Event]) -> Scenario {
        Scenario(id: id, history: history + events, now: now, problems: problems)
    }

    /// The scenario with events given by type name and payload, as the dynamic API and the
    /// store hold them. An event that does not decode fails the test at the source location.
    public func given(_ events: ScenarioEvent..., sourceLocation: SourceLocation = #_sourceLocation) -> Scenario {
        given(events: events, sourceLocation: sourceLocation)
    }

    /// The scenario with events given by type name and payload, as the dynamic API and the
    /// store hold them. An event that does not decode fails the test at the source location.
    public func given(events: [ScenarioEvent], sourceLocation: SourceLocation = #_sourceLocation) -> Scenario {
        var decoded = history
        var problems = problems
        for (index, event) in events.enumerated() {
            do throws(EventDecodingError) {
                decoded.append(try A.Event(eventType: event.type, schemaVersion: event.version, payload: event.payload))
            } catch {
                let message = "given event \(index) (\(event)) does not decode: \(error)"
                problems.append(Problem(message: message, sourceLocation: sourceLocation))
            }
        }
        return Scenario(id: id, history: decoded, now: now, problems: problems)
    }

    /// The scenario with `now` at a given time.
    public func at(_ now: Date) -> Scenario {
        Scenario(id: id, history: history, now: now, problems: problems)
    }

    /// Runs a typed command. Its params are validated first, as the orchestrator validates
    /// them, so a command the spec's rules refuse ends `thenInvalid`
    /// with the messages the dynamic API reports.
    public func when(_ command: A.Command) -> ScenarioOutcome<A> {
        do throws(ValidationErrors) {
            try command.validate()
        } catch {
            return ScenarioOutcome(scenario: self, commandDescription: command.name, result: .invalid(error))
        }
        return ScenarioOutcome(scenario: self, commandDescription: command.name, result: run(command))
    }

    /// Runs a typed command made for the scenario's aggregate id.
    public func when(_ command: (UUID) -> A.Command) -> ScenarioOutcome<A> {
        when(command(id))
    }

    /// Runs a command by name with JSON-like params, as the dynamic API takes them. The
    /// `id` param is the scenario's unless the params name one.
    public func when(_ name: String, _ params: Params = [:]) -> ScenarioOutcome<A> {
        var withID = params
        if withID["id"] == nil { withID["id"] = Value(id) }
        let description = "\(name) \(Value.describe(params))"
        let command: A.Command
        do throws(ValidationErrors) {
            guard let found = try A.command(named: name, params: withID) else {
                return ScenarioOutcome(scenario: self, commandDescription: description, result: .unknownCommand(name))
            }
            command = found
        } catch {
            return ScenarioOutcome(scenario: self, commandDescription: description, result: .invalid(error))
        }
        return ScenarioOutcome(scenario: self, commandDescription: description, result: run(command))
    }

    private func run(_ command: A.Command) -> ScenarioResult<A> {
        if command.creates, !history.isEmpty { return .rejected(["id": [ValidationMessage.alreadyExists]]) }
        if !command.creates, history.isEmpty { return .rejected(["id": [ValidationMessage.notFound]]) }
        let before = command.creates && history.isEmpty ? A(id: command.aggregateID ?? id) : state
        do throws(ValidationErrors) {
            let events = try before.execute(command, context: CommandContext(now: now))
            return .recorded(events, state: before.applying(events))
        } catch {
            return .rejected(error)
        }
    }
}

/// Starts a scenario of an aggregate type with events already recorded.
///
/// ```swift
/// given(BankAccount.self, .accountOpened(.init(owner: "Ada", overdraftLimit: 0)))
///     .when("deposit", ["amount": 5])
///     .thenState(["balance": 5])
/// ```
public func given<A: Aggregate>(_ type: A.Type, _ events: A.Event...) -> Scenario<A> {
    Scenario<A>().given(events)
}

/// Starts a scenario of an aggregate type with events given by type name and payload.
public func given<A: Aggregate>(
    _ type: A.Type,
    _ events: ScenarioEvent...,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Scenario<A> {
    Scenario<A>().given(events: events, sourceLocation: sourceLocation)
}
