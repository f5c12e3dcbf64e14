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
    /// Where `version` is written, when it is.
    public var versionLocation: SourceLocation?
    /// The steps that carry older versions of the payload forward, in spec order.
    public var upcast: [UpcastStepSpec]
    /// Former names of the event type, whose recorded events decode as this event.
    public var renamedFrom: [Located<String>]

    /// An event with every part given.
    public init(
        name: Located<String>,
        fields: [FieldSpec],
        apply: [AssignmentSpec],
        version: Int = 1,
        versionLocation: SourceLocation? = nil,
        upcast: [UpcastStepSpec] = [],
        renamedFrom: [Located<String>] = []
    ) {
        self.name = name
        self.fields = fields
        self.apply = apply
        self.version = version
        self.versionLocation = versionLocation
        self.upcast = upcast
        self.renamedFrom = renamedFrom
    }
}
