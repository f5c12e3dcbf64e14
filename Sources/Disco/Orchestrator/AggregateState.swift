import Foundation

/// An aggregate's state as the dynamic API returns it: its type, id, version and fields.
///
/// Printed as the original library's console showed a struct:
/// `Wallet{id: "…", user_id: "…", balance: 100.0}`.
public struct AggregateState: Sendable, Hashable, CustomStringConvertible {
    /// The aggregate type: `Wallet`.
    public let aggregate: String
    /// The aggregate's id.
    public let id: UUID
    /// The version of the last event applied.
    public let version: Int
    /// The state's fields, `id` first.
    public let fields: Params

    /// A state with its type, id, version and fields.
    public init(aggregate: String, id: UUID, version: Int, fields: Params) {
        self.aggregate = aggregate
        self.id = id
        self.version = version
        self.fields = fields
    }

    /// The value of one field; `nil` when there is no such field.
    public subscript(field: String) -> Value? { fields[field] }

    public var description: String {
        aggregate + "{" + fields.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
