/// A stored event that the aggregate's code cannot read back.
///
/// Three things go wrong when reading a recorded event: the payload does not fit the event's
/// fields (a field is missing or holds another type), the event type is one the aggregate does
/// not record (and no event is `renamed_from` it), or the event was recorded by a newer build
/// of the spec than this one: its schema version is above the version the code knows. The
/// last one means the code is older than the store, for example during a rolling deploy;
/// nothing in the store is changed, and the error says which version to deploy.
public struct EventDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case undecodable(reason: String)
        case unknownEventType(aggregate: String)
        case newerVersion(recorded: Int, known: Int)
        case retiredVersion(recorded: Int, oldest: Int)
    }

    private let kind: Kind

    /// The stored event type.
    public let eventType: String

    private init(_ kind: Kind, eventType: String) {
        self.kind = kind
        self.eventType = eventType
    }

    /// A payload that does not fit its event: `reason` says what is wrong with it.
    public init(eventType: String, reason: String) {
        self.init(.undecodable(reason: reason), eventType: eventType)
    }

    /// An event type that `aggregate` does not record under this name or a former one.
    public static func unknownEventType(_ eventType: String, aggregate: String) -> EventDecodingError {
        EventDecodingError(.unknownEventType(aggregate: aggregate), eventType: eventType)
    }

    /// An event recorded at a schema version newer than the one this build of the spec knows.
    public static func newerVersion(eventType: String, recordedVersion: Int, knownVersion: Int) -> EventDecodingError {
        EventDecodingError(.newerVersion(recorded: recordedVersion, known: knownVersion), eventType: eventType)
    }

    /// An event recorded at a schema version older than the oldest this build of the spec
    /// reads: the spec retired it (`disco-gen retire`) after its stores were copied with every
    /// event upcast, and this store was not.
    public static func retiredVersion(eventType: String, recordedVersion: Int, oldestVersion: Int) -> EventDecodingError
    {
        EventDecodingError(.retiredVersion(recorded: recordedVersion, oldest: oldestVersion), eventType: eventType)
    }

    /// The event's recorded schema version, when that is what is wrong: it is newer than
    /// ``knownVersion``, or a retired one.
    public var recordedVersion: Int? {
        switch kind {
        case .newerVersion(let recorded, _), .retiredVersion(let recorded, _): recorded
        default: nil
        }
    }

    /// The newest schema version of the event this build knows, when the recorded one is newer.
    public var knownVersion: Int? {
        if case .newerVersion(_, let known) = kind { known } else { nil }
    }

    /// Whether the event was recorded by a newer build of the spec than this one.
    public var isNewerVersion: Bool {
        if case .newerVersion = kind { true } else { false }
    }

    /// Whether the event's version is one the spec retired.
    public var isRetiredVersion: Bool {
        if case .retiredVersion = kind { true } else { false }
    }

    /// What is wrong, without the event type.
    public var reason: String {
        switch kind {
        case .undecodable(let reason):
            reason
        case .unknownEventType(let aggregate):
            "\(aggregate) records no such event"
        case .newerVersion(let recorded, let known):
            "it was recorded at version \(recorded), but this build knows versions up to \(known): "
                + "deploy the code of the spec that records version \(recorded) (nothing in the store was changed)"
        case .retiredVersion(let recorded, let oldest):
            "it was recorded at version \(recorded), which the spec retired: this build reads versions from \(oldest) on. "
                + "Copy the store with a build that still has the upcast steps (EventStoreCopier(upcaster:)) and open the copy "
                + "(nothing in the store was changed)"
        }
    }

    public var description: String { "cannot decode event '\(eventType)': \(reason)" }
}
