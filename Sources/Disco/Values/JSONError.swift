/// Why a JSON text could not be read, or a value could not be written as JSON.
///
/// Reading errors name the byte offset where the text stopped making sense, counted from
/// the start of the text given to the parser (0-based).
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset of the problem in the text read; `nil` for errors of writing.
    public let offset: Int?
    /// What is wrong, written for the reader.
    public let message: String

    /// An error at a byte offset (or of writing, when `offset` is `nil`), with a message.
    public init(offset: Int?, _ message: String) {
        self.offset = offset
        self.message = message
    }

    /// `byte 12: expected ':' after an object key`, or the message alone for writing errors.
    public var description: String {
        guard let offset else { return message }
        return "byte \(offset): \(message)"
    }
}
