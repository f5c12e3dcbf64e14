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

    /// The event's recorded schema version, when that is what is wrong: it is newer than
    /// ``knownVersion``.
    public var recordedVersion: Int? {
        if case .newerVersion(let recorded, _) = kind { recorded } else { nil }
    }

    /// The newest schema version of the event this build knows, when the recorded one is newer.
    public var knownVersion: Int? {
        if case .newerVersion(_, let known) = kind { known } else { nil }
    }

    /// Whether the event was recorded by a newer build of the spec than this one.
    public var isNewerVersion: Bool { recordedVersion != nil }

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
        }
    }

    public var description: String { "cannot decode event '\(eventType)': \(reason)" }
}
