import Foundation

/// An event as the store keeps it: the envelope of the event store format, version 1.
///
/// The fields are documented in `Docs/StoreFormat.md`; they are the file format users keep
/// for years, so they only ever grow.
public struct RecordedEvent: Sendable, Hashable {
    /// The event's place in the whole store: gapless, from 1.
    public var position: Int64
    /// The stream the event belongs to.
    public var stream: StreamID
    /// The event's place in its stream: contiguous, from 1.
    public var version: Int
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
    /// The id of the message that directly caused it.
    public var causationID: UUID?
    /// When the store recorded it.
    public var recordedAt: Date
    /// The event's fields.
    public var payload: Params
    /// Free-form data about the event.
    public var metadata: Params

    /// A recorded event with every envelope field.
    public init(
        position: Int64,
        stream: StreamID,
        version: Int,
        eventType: String,
        schemaVersion: Int,
        eventID: UUID,
        commandID: UUID,
        correlationID: UUID,
        causationID: UUID?,
        recordedAt: Date,
        payload: Params,
        metadata: Params
    ) {
        self.position = position
        self.stream = stream
        self.version = version
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.eventID = eventID
        self.commandID = commandID
        self.correlationID = correlationID
        self.causationID = causationID
        self.recordedAt = recordedAt
        self.payload = payload
        self.metadata = metadata
    }

    /// The recorded form of a proposed event.
    public init(_ event: ProposedEvent, position: Int64, stream: StreamID, version: Int, recordedAt: Date) {
        self.init(
            position: position,
            stream: stream,
            version: version,
            eventType: event.eventType,
            schemaVersion: event.schemaVersion,
            eventID: event.eventID,
            commandID: event.commandID,
            correlationID: event.correlationID,
            causationID: event.causationID,
            recordedAt: recordedAt,
            payload: event.payload,
            metadata: event.metadata
        )
    }
}
