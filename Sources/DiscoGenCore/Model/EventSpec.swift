/// An event of the spec.
public struct EventSpec: Sendable, Hashable {
    /// The snake_case name.
    public var name: Located<String>
    /// The payload's fields, in order.
    public var fields: [FieldSpec]
    /// How the event changes the state, in order.
    public var apply: [AssignmentSpec]
    /// The payload's schema version; 1 when absent.
    public var version: Int

    /// An event with every part given.
    public init(name: Located<String>, fields: [FieldSpec], apply: [AssignmentSpec], version: Int = 1) {
        self.name = name
        self.fields = fields
        self.apply = apply
        self.version = version
    }
}
