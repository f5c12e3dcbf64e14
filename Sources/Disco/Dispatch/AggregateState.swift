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
    ///
    /// Made from the typed state when first read, so that typed callers, who never read
    /// them, do not pay for them.
    public var fields: Params { storedFields ?? value?.fields ?? [:] }
    /// The fields given, for a state made from fields.
    private let storedFields: Params?
    /// The state as its own Swift type, when the runtime made this value from one.
    private let value: (any Aggregate)?

    /// A state with its type, id, version and fields.
    public init(aggregate: String, id: UUID, version: Int, fields: Params) {
        self.aggregate = aggregate
        self.id = id
        self.version = version
        self.storedFields = fields
        self.value = nil
    }

    /// The dynamic view of a typed state at a version.
    public init<State: Aggregate>(_ state: State, version: Int) {
        self.aggregate = State.aggregateName
        self.id = state.id
        self.version = version
        self.storedFields = nil
        self.value = state
    }

    /// The value of one field; `nil` when there is no such field.
    public subscript(field: String) -> Value? { fields[field] }

    /// The state as the aggregate's Swift type: `state(as: Wallet.self)`; `nil` when it is
    /// another aggregate's state.
    public func state<State: Aggregate>(as type: State.Type) -> State? {
        value as? State
    }

    public var description: String {
        aggregate + "{" + fields.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }

    /// Two states are equal when their type, id, version and fields are.
    public static func == (lhs: AggregateState, rhs: AggregateState) -> Bool {
        lhs.aggregate == rhs.aggregate && lhs.id == rhs.id && lhs.version == rhs.version && lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(aggregate)
        hasher.combine(id)
        hasher.combine(version)
        hasher.combine(fields)
    }
}
