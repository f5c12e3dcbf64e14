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

    /// The proposal that records an event of another store again, with its type, ids,
    /// payload and metadata: what copying a store appends.
    public init(recorded event: RecordedEvent) {
        self.init(
            eventType: event.eventType,
            schemaVersion: event.schemaVersion,
            eventID: event.eventID,
            commandID: event.commandID,
            correlationID: event.correlationID,
            causationID: event.causationID,
            payload: event.payload,
            metadata: event.metadata
        )
    }
}

extension Array where Element == RecordedEvent {
    /// The runs of consecutive events of one stream and one command: the commands of a page
    /// of events, as far as the page shows them.
    var commandRuns: [ArraySlice<RecordedEvent>] {
        var runs: [ArraySlice<RecordedEvent>] = []
        var start = startIndex
        while start < endIndex {
            var end = start + 1
            while end < endIndex, self[end].stream == self[start].stream, self[end].commandID == self[start].commandID {
                end += 1
            }
            runs.append(self[start..<end])
            start = end
        }
        return runs
    }
}
