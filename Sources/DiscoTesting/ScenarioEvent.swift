import Disco

/// An event as the dynamic API and the store hold it: a type name, a schema version and a payload.
public struct ScenarioEvent: Sendable, Hashable, CustomStringConvertible {
    /// The event's type, as in the spec: `money_deposited`.
    public var type: String
    /// The payload's schema version; only used to decode given events.
    public var version: Int
    /// The payload's fields.
    public var payload: Params

    /// An event of a type with a payload.
    /// - Parameters:
    ///   - type: The event's type, as in the spec.
    ///   - version: The payload's schema version (the event's current version for given events).
    ///   - payload: The payload's fields.
    public init(_ type: String, version: Int = 1, _ payload: Params = [:]) {
        self.type = type
        self.version = version
        self.payload = payload
    }

    /// An aggregate's event as the store holds it.
    public init<Event: AggregateEvent>(_ event: Event) {
        self.init(event.eventType, version: event.schemaVersion, event.payload)
    }

    /// `money_deposited {amount: 5}`.
    public var description: String { "\(type) \(Value.describe(payload))" }
}
