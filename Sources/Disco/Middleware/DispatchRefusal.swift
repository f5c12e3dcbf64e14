/// Why a middleware refused a command: the payload of ``DispatchError/refused(_:)``.
///
/// ```swift
/// throw DispatchError.refused(DispatchRefusal(code: "unauthorised", "only tellers may withdraw"))
/// ```
public struct DispatchRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short, stable name for the reason, for programs: `unauthorised`.
    public let code: String
    /// A message written for the reader.
    public let message: String

    /// A refusal with a code and a message.
    public init(code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
