/// The version a stream must be at for an append to go through: optimistic concurrency.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream's version.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last event must have this version.
    case exactly(Int)

    /// Whether a stream at `version` (0 for no stream) satisfies the expectation.
    public func isSatisfied(by version: Int) -> Bool {
        switch self {
        case .any: true
        case .noStream: version == 0
        case .exactly(let expected): version == expected
        }
    }

    public var description: String {
        switch self {
        case .any: "any version"
        case .noStream: "no stream"
        case .exactly(let version): "version \(version)"
        }
    }
}
