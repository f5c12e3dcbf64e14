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
    /// The version the aggregate must be at for the command to be recorded (0: it must not
    /// exist yet); `nil` records it at whatever version the aggregate is. A command finding
    /// another version fails with ``DispatchError/versionMismatch(expected:actual:)``, as
    /// HTTP's `If-Match` asks.
    public var expectedVersion: Int?

    /// Metadata for one command.
    public init(
        commandID: UUID = UUID(),
        correlationID: UUID? = nil,
        causationID: UUID? = nil,
        metadata: Params = [:],
        expectedVersion: Int? = nil
    ) {
        self.commandID = commandID
        self.correlationID = correlationID ?? commandID
        self.causationID = causationID
        self.metadata = metadata
        self.expectedVersion = expectedVersion
    }
}
