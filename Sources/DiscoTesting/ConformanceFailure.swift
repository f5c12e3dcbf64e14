/// A rule of the event store contract that a store broke, as found by ``EventStoreConformance``.
public struct ConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// What was expected and what happened instead.
    public let message: String

    /// A failure with a message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
