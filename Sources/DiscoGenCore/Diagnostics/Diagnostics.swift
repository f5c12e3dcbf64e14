/// Every diagnostic one run found, in the order of their places in the files.
///
/// Thrown by the pipeline when any of them is an error.
public struct Diagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    /// The diagnostics, sorted by location.
    public var all: [Diagnostic]

    /// Diagnostics, sorted by location (stable for equal locations).
    public init(_ diagnostics: [Diagnostic]) {
        self.all = diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Only the errors.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// One diagnostic a line.
    public var description: String { all.map(\.description).joined(separator: "\n") }
}
