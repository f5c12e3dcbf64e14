import Foundation

/// What one line of `events.jsonl` says: the envelope fields the store indexes by, and the
/// whole event when it was decoded in full.
struct EventLine {
    /// The format version the line was written in.
    var format: Int
    /// The event's global position.
    var position: Int64
    /// The event's stream.
    var stream: StreamID
    /// The event's version in its stream.
    var version: Int
    /// The id of the command that recorded it.
    var commandID: UUID
    /// The event's place among its command's events, from 0.
    var commandEventIndex: Int
    /// How many events its command recorded.
    var commandEventCount: Int
    /// The whole event, when the line was decoded in full.
    var event: RecordedEvent?
}
