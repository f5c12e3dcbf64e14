/// An equality condition a query's `where` implies, `field == value`, that the runtime can
/// answer from an index instead of scanning every state.
///
/// The value must be written as the state's ``Aggregate/fields`` shows it (a UUID as its
/// lowercase string, a number as `Value(Double)` for a `Double` field, and so on). It is a
/// hint: the query's predicate still decides on every candidate, so a hint that is implied
/// by the predicate never changes the answer, only its speed.
public struct QueryIndex: Sendable, Hashable {
    /// The field's name as in ``Aggregate/fields``: `user_id`.
    public let field: String
    /// The value the field must equal.
    public let value: Value

    /// The condition `field == value`.
    public init(field: String, value: Value) {
        self.field = field
        self.value = value
    }
}
