/// Reads an event's fields back from its stored payload.
///
/// ```swift
/// let reader = PayloadReader(payload, eventType: "money_deposited")
/// self.init(amount: try reader.field("amount"))
/// ```
public struct PayloadReader: Sendable {
    private let payload: Params
    private let eventType: String

    /// A reader of one event's payload.
    public init(_ payload: Params, eventType: String) {
        self.payload = payload
        self.eventType = eventType
    }

    /// The field's value.
    /// - Throws: ``EventDecodingError`` naming the field when it is missing or of another type.
    public func field<Field: ValueConvertible>(_ name: String, as type: Field.Type = Field.self) throws(EventDecodingError) -> Field {
        guard let field = Field(value: payload[name] ?? .null) else {
            let found = payload[name].map { "\($0)" } ?? "nothing"
            throw EventDecodingError(eventType: eventType, reason: "field '\(name)' holds \(found), not a \(Field.self)")
        }
        return field
    }
}
