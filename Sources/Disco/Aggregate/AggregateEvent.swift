/// An event one aggregate type records, convertible to and from its stored payload.
public protocol AggregateEvent: Sendable {
    /// The event's type, as in the spec: `wallet_created`.
    var eventType: String { get }

    /// The schema version of the payload.
    var schemaVersion: Int { get }

    /// The event's fields as stored.
    var payload: Params { get }

    /// The event stored with a type and payload.
    /// - Throws: ``EventDecodingError`` when the type is unknown or the payload does not fit it.
    init(eventType: String, schemaVersion: Int, payload: Params) throws(EventDecodingError)
}
