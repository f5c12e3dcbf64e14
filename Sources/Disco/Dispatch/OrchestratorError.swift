/// Why an orchestrator could not start.
public struct OrchestratorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A message written for the reader.
    public let message: String

    /// An error with a message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
