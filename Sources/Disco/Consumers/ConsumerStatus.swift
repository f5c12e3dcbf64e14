/// Where a consumer is: what the orchestrator reports for it.
public struct ConsumerStatus: Sendable, Hashable, CustomStringConvertible {
    /// Whether it runs.
    public enum State: Sendable, Hashable {
        /// Handling events, or waiting for new ones.
        case running
        /// Stopped on request.
        case stopped
        /// Stopped by an event its handler kept failing on, or by a store or checkpoint
        /// error; the message says which.
        case failed(String)
    }

    /// The consumer's name.
    public let name: String
    /// Whether it runs.
    public let state: State
    /// The position of the last event it has handled (or passed over).
    public let position: Int64
    /// The position last saved in its checkpoint store.
    public let checkpoint: Int64
    /// The store's head position when the status was taken.
    public let head: Int64
    /// How many events of those it handled went to the dead-letter file.
    public let deadLettered: Int

    /// A status.
    public init(name: String, state: State, position: Int64, checkpoint: Int64, head: Int64, deadLettered: Int) {
        self.name = name
        self.state = state
        self.position = position
        self.checkpoint = checkpoint
        self.head = head
        self.deadLettered = deadLettered
    }

    /// How many events it is behind the store's head.
    public var lag: Int64 { Swift.max(head - position, 0) }

    public var description: String {
        "\(name): \(state), at \(position) of \(head) (lag \(lag)), checkpoint \(checkpoint)"
    }
}
