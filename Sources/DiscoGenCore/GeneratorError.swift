/// A failure of the generator that is not about a spec's content: a file that cannot be read
/// or written, a broken template.
public struct GeneratorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A message written for the reader.
    public let message: String

    /// An error with a message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
