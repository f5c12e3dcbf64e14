import Foundation

/// An event store that can tell which command recorded each event without reading the
/// events: what lets an orchestrator that starts from snapshots fill its command ledger
/// quickly. ``JSONLinesEventStore`` and ``InMemoryEventStore`` are.
public protocol CommandListing: EventStore {
    /// The command, stream and version of every event with a position greater than
    /// `position`, in position order.
    func commands(after position: Int64) async throws -> [RecordedCommand]
}

/// Which command recorded an event, and where the event is.
public struct RecordedCommand: Sendable, Hashable {
    /// The id of the command.
    public var commandID: UUID
    /// The event's stream.
    public var stream: StreamID
    /// The event's version in its stream.
    public var version: Int

    /// A recorded command's event.
    public init(commandID: UUID, stream: StreamID, version: Int) {
        self.commandID = commandID
        self.stream = stream
        self.version = version
    }

    /// The command of a recorded event.
    public init(_ event: RecordedEvent) {
        self.init(commandID: event.commandID, stream: event.stream, version: event.version)
    }
}
