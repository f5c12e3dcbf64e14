/// What a consumer does with an event its handler keeps failing on, once the retries are
/// used up.
public enum ConsumerFailurePolicy: Sendable {
    /// Stop the consumer at the event: its checkpoint stays before it, so starting the
    /// consumer again retries it. The default.
    case stop
    /// Record the event in a dead-letter file and go on with the next one.
    case skip(deadLetters: DeadLetterFile)
}
