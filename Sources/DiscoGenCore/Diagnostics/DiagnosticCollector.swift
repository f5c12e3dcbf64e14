/// Receives diagnostics as a stage finds them.
public protocol DiagnosticCollector {
    /// Takes one diagnostic.
    mutating func emit(_ diagnostic: Diagnostic)
}

/// A collector that keeps every diagnostic in memory.
public struct DiagnosticList: DiagnosticCollector, Sendable {
    /// The diagnostics, in the order they were emitted.
    public private(set) var diagnostics: [Diagnostic] = []

    /// An empty list.
    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Adds an error.
    public mutating func error(_ message: String, at location: SourceLocation) {
        emit(.error(message, at: location))
    }

    /// Adds a warning.
    public mutating func warning(_ message: String, at location: SourceLocation) {
        emit(.warning(message, at: location))
    }

    /// Whether any error was emitted.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
