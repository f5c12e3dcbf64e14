import Foundation

/// Names the stream of one aggregate's events: its aggregate type and id.
public struct StreamID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The aggregate type, as in the spec: `Wallet`.
    public let aggregate: String
    /// The aggregate's id.
    public let id: UUID

    /// The stream of an aggregate.
    public init(aggregate: String, id: UUID) {
        self.aggregate = aggregate
        self.id = id
    }

    /// `Wallet-<lowercase uuid>`.
    public var description: String { "\(aggregate)-\(id.lowercasedText)" }

    public static func < (lhs: StreamID, rhs: StreamID) -> Bool {
        (lhs.aggregate, lhs.id.uuidString) < (rhs.aggregate, rhs.id.uuidString)
    }
}
