/// One upcast step of an event: a function from a version-`from` payload to the next version.
public struct UpcastStepViewModel: Sendable {
    /// The version the step reads.
    public var from: Int
    /// The version it produces.
    public var next: Int
    /// The event's spec name, for doc comments.
    public var eventName: String
    /// The recorded version's fields as the spec writes them: `owner: string, overdraft_limit: decimal`.
    public var recordedFields: String
    /// `upcast(fromVersion1:)` on the event, or `upcastAccountOpened(fromVersion2:)` on the
    /// aggregate for a step written in Swift: the call that runs the step on `payload`.
    public var call: String
    /// The requirement's name for a step written in Swift: `upcastAccountOpened`.
    public var requirementName: String
    /// Whether some `with` expression reads a recorded field (the function then needs a reader).
    public var readsFields: Bool
    /// `upcast["currency"] = Value("EUR")`, each mapped to its spec line.
    public var sets: [MappedLine]
    /// Whether there are any `sets`.
    public var hasSets: Bool
    /// The dropped fields' names as Swift literals.
    public var drops: [String]
    /// Whether the step changes the payload at all.
    public var hasChanges: Bool
    /// Whether the step is written by hand in Swift.
    public var isHandwritten: Bool
}
