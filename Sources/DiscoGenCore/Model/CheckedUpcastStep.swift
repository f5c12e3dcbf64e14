/// An upcast step that passed every check: what turns a version-`from` payload into version
/// `from + 1`.
public struct CheckedUpcastStep: Sendable {
    /// What the step does to a payload, field by field.
    public enum Change: Sendable {
        /// The field of the next version gets the expression's value, read from the recorded payload.
        case set(field: String, value: LocatedExpression)
        /// The field of version `from` is not in the next version.
        case drop(field: String)
    }

    /// The version the step reads.
    public var from: Int
    /// Version `from`'s fields.
    public var fields: [FieldSpec]
    /// The changes, in the next version's field order then the dropped fields; fields not
    /// named are carried over unchanged. Empty for a step written in Swift.
    public var changes: [Change]
    /// Whether the step is written by hand in Swift (`handler: swift`).
    public var isHandwritten: Bool
    /// Where the step is written.
    public var location: SourceLocation
}
