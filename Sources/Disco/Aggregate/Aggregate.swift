import Foundation

/// The state of one aggregate, how it decides on commands and how events change it.
///
/// `disco-gen` generates a conforming type from each spec. As in Commanded, an aggregate
/// is a value: ``execute(_:context:)`` decides which events a command records (or why it is
/// rejected) without changing anything, and ``apply(_:)`` folds a recorded event into the
/// state and never fails.
public protocol Aggregate: Sendable {
    /// The commands the aggregate accepts.
    associatedtype Command: AggregateCommand
    /// The events the aggregate records.
    associatedtype Event: AggregateEvent

    /// The aggregate's name, as in the spec: `Wallet`. It names the streams of its events.
    static var aggregateName: String { get }

    /// The names of its commands, sorted.
    static var commandNames: [String] { get }

    /// The names of its queries, sorted.
    static var queryNames: [String] { get }

    /// The state before the first event: numbers 0, strings empty, and so on.
    init(id: UUID)

    /// The aggregate's id, the id of its stream.
    var id: UUID { get }

    /// The state as JSON-like fields, `id` first, as the dynamic API shows it.
    var fields: Params { get }

    /// The names of the number fields that hold a value JSON cannot carry (an infinity, or not
    /// a number), in spec order; empty for a sound state. The orchestrator refuses a command
    /// whose events would leave such a state (`must stay a finite number`), since it could be
    /// neither shown nor snapshotted. Generated for aggregates with `number` fields.
    var nonFiniteFields: [String] { get }

    /// The command a name and params stand for.
    /// - Returns: The validated command, or `nil` when the name is not one of the aggregate's commands.
    /// - Throws: The validation errors of the params.
    static func command(named name: String, params: Params) throws(ValidationErrors) -> Command?

    /// The query a name and params stand for.
    /// - Returns: The validated query, or `nil` when the name is not one of the aggregate's queries.
    /// - Throws: The validation errors of the params.
    static func query(named name: String, params: Params) throws(ValidationErrors) -> Query<Self>?

    /// Decides which events a command records, given the current state.
    /// - Throws: The business rules the command breaks, as field messages.
    func execute(_ command: Command, context: CommandContext) throws(ValidationErrors) -> [Event]

    /// Folds one event into the state.
    mutating func apply(_ event: Event)
}

extension Aggregate {
    /// No fields: an aggregate without binary floating-point numbers is always representable.
    public var nonFiniteFields: [String] { [] }

    /// The state after applying events in order.
    public func applying<Events: Sequence>(_ events: Events) -> Self where Events.Element == Event {
        var state = self
        for event in events { state.apply(event) }
        return state
    }
}
