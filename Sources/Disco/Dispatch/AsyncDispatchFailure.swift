import Foundation

/// A command dispatched with `async: true` that was not recorded: what the orchestrator's
/// error handler receives.
public struct AsyncDispatchFailure: Sendable, CustomStringConvertible {
    /// The command's name: `withdraw`.
    public let command: String
    /// The params it was dispatched with.
    public let params: Params
    /// The id of the aggregate it was for, as `dispatch` returned it.
    public let aggregateID: UUID
    /// The command's ids and metadata.
    public let metadata: CommandMetadata
    /// Why it was not recorded: a broken rule, a conflict, a store failure.
    public let error: DispatchError

    /// A failure of one background command.
    public init(command: String, params: Params, aggregateID: UUID, metadata: CommandMetadata, error: DispatchError) {
        self.command = command
        self.params = params
        self.aggregateID = aggregateID
        self.metadata = metadata
        self.error = error
    }

    public var description: String {
        "background command '\(command)' \(metadata.commandID) for \(aggregateID) failed: \(error)"
    }
}
