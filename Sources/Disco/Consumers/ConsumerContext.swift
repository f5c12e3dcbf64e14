import Foundation

/// What a consumer's handler gets besides the event: which attempt this is, and a way to
/// dispatch commands caused by the event.
public struct ConsumerContext: Sendable {
    /// The consumer's name.
    public let consumer: String
    /// The event being handled.
    public let event: RecordedEvent
    /// 1 for the first delivery of the event in this run, 2 for the first retry, and so on.
    public let attempt: Int
    /// The orchestrator running the consumer.
    public let orchestrator: Orchestrator

    /// A context for one delivery.
    public init(consumer: String, event: RecordedEvent, attempt: Int, orchestrator: Orchestrator) {
        self.consumer = consumer
        self.event = event
        self.attempt = attempt
        self.orchestrator = orchestrator
    }

    /// The metadata of a command caused by the event: correlated with it, caused by it, and
    /// with a command id derived from the consumer, the event and the command, so that a
    /// redelivered event dispatches the same command id and is recorded once.
    /// - Parameters:
    ///   - command: The command's name.
    ///   - params: The command's params.
    ///   - metadata: Free-form metadata for the command's events.
    public func metadata(for command: String, _ params: Params, metadata: Params = [:]) -> CommandMetadata {
        var bytes = Array("\(consumer)\u{0}\(event.eventID.uuidString)\u{0}\(command)\u{0}".utf8)
        bytes += (try? JSON.encode(params)) ?? Array("\(params)".utf8)
        return CommandMetadata(
            commandID: UUID(derivedFrom: bytes),
            correlationID: event.correlationID,
            causationID: event.eventID,
            metadata: metadata
        )
    }

    /// Dispatches a command caused by the event (see ``metadata(for:_:metadata:)``) and
    /// returns the aggregate's new state.
    /// - Throws: ``DispatchError``.
    @discardableResult
    public func dispatch(_ command: String, _ params: Params, metadata: Params = [:]) async throws(DispatchError) -> AggregateState {
        try await orchestrator.dispatch(command, params, metadata: self.metadata(for: command, params, metadata: metadata))
    }
}
