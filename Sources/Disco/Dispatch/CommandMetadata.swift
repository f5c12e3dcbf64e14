import Foundation

/// The ids and metadata a dispatched command carries into the events it records.
public struct CommandMetadata: Sendable, Hashable {
    /// The command's id: given by the caller, or generated.
    public var commandID: UUID
    /// The id shared by everything one request caused; the command id when not given.
    public var correlationID: UUID
    /// The id of the message that caused the command, if any.
    public var causationID: UUID?
    /// Free-form data stored with every event the command records.
    public var metadata: Params

    /// Metadata for one command.
    public init(
        commandID: UUID = UUID(),
        correlationID: UUID? = nil,
        causationID: UUID? = nil,
        metadata: Params = [:]
    ) {
        self.commandID = commandID
        self.correlationID = correlationID ?? commandID
        self.causationID = causationID
        self.metadata = metadata
    }
}
