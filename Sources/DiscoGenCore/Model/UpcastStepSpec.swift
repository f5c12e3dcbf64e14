/// One upcast step of an event, as written: it turns a payload recorded at version `from` into
/// version `from + 1`.
public struct UpcastStepSpec: Sendable, Hashable {
    /// Where the step's list item starts.
    public var location: SourceLocation
    /// The version the step reads; `nil` when `from` is missing or not a number.
    public var from: Located<Int>?
    /// Version `from`'s fields and types, as recorded.
    public var fields: [FieldSpec]
    /// Where `fields` is written, when it is.
    public var fieldsLocation: SourceLocation?
    /// Fields of the next version and the expressions (over version `from`'s fields) that fill them.
    public var with: [AssignmentSpec]
    /// Where `with` is written, when it is.
    public var withLocation: SourceLocation?
    /// Where `handler: swift` is written, when the step is written by hand in Swift.
    public var swiftHandler: SourceLocation?

    /// A step with every part given.
    public init(
        location: SourceLocation,
        from: Located<Int>? = nil,
        fields: [FieldSpec] = [],
        fieldsLocation: SourceLocation? = nil,
        with: [AssignmentSpec] = [],
        withLocation: SourceLocation? = nil,
        swiftHandler: SourceLocation? = nil
    ) {
        self.location = location
        self.from = from
        self.fields = fields
        self.fieldsLocation = fieldsLocation
        self.with = with
        self.withLocation = withLocation
        self.swiftHandler = swiftHandler
    }
}
