/// A named handler of committed events: a read model, a notifier, or a process manager
/// that dispatches commands.
///
/// The orchestrator runs each consumer in its own task (see
/// ``Orchestrator/startConsumer(_:checkpoints:options:)``). It receives the events of its
/// ``eventTypes`` in global order, from its durable checkpoint on, at least once: after a
/// crash or a stop, events handled since the last saved checkpoint are delivered again, so
/// handlers should be idempotent (commands dispatched through ``ConsumerContext`` are).
///
/// ```swift
/// struct Receipts: EventConsumer {
///     let name = "receipts"
///     let eventTypes: Set<String>? = ["money_deposited"]
///     func handle(_ event: RecordedEvent, context: ConsumerContext) async throws {
///         try await mailer.send(receiptFor: event)
///     }
/// }
/// ```
public protocol EventConsumer: Sendable {
    /// The consumer's name: it keys its checkpoint, so it must stay the same across restarts.
    var name: String { get }

    /// The event types it handles; `nil` for all. Other events only move its checkpoint.
    var eventTypes: Set<String>? { get }

    /// Handles one event.
    /// - Parameters:
    ///   - event: The recorded event.
    ///   - context: The attempt number, and dispatching with causation ids set.
    /// - Throws: Any error: the event is retried with backoff, then the consumer's
    ///   ``ConsumerFailurePolicy`` decides.
    func handle(_ event: RecordedEvent, context: ConsumerContext) async throws
}

extension EventConsumer {
    /// Every event type.
    public var eventTypes: Set<String>? { nil }
}
