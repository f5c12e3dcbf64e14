import Foundation

/// An event about to be appended: everything of a ``RecordedEvent`` except what the store
/// assigns (position, version, time).
public struct ProposedEvent: Sendable, Hashable {
    /// The event type: `wallet_created`.
    public var eventType: String
    /// The schema version of the payload.
    public var schemaVersion: Int
    /// A unique id of the event.
    public var eventID: UUID
    /// The id of the command that recorded it.
    public var commandID: UUID
    /// The id shared by everything one request caused.
    public var correlationID: UUID
    /// The id of the message (command or event) that directly caused it.
    public var causationID: UUID?
    /// The event's fields.
    public var payload: Params
    /// Free-form data about the event, kept with it.
    public var metadata: Params

    /// An event to append.
    public init(
        eventType: String,
        schemaVersion: Int = 1,
        eventID: UUID = UUID(),
        commandID: UUID,
        correlationID: UUID,
        causationID: UUID? = nil,
        payload: Params,
        metadata: Params = [:]
    ) {
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.eventID = eventID
        self.commandID = commandID
        self.correlationID = correlationID
        self.causationID = causationID
        self.payload = payload
        self.metadata = metadata
    }
}
