/// A problem found in a spec, at a place in its file.
///
/// Printed as editors and Xcode read it: `Specs/wallet.yml:12:7: error: unknown key 'parms'; did you mean 'params'?`
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The spec cannot be generated.
        case error
        /// The spec generates, but probably not as meant.
        case warning
        /// Extra information about another diagnostic.
        case note
    }

    /// How bad the problem is.
    public var severity: Severity
    /// The message, written for the person who wrote the spec.
    public var message: String
    /// Where the problem is.
    public var location: SourceLocation

    /// A diagnostic of some severity.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// An error.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A warning.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `file:line:column: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
