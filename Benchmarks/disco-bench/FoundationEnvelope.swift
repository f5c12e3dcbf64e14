import Foundation

/// The store's line decoded with Foundation's `JSONDecoder`: the baseline the store's own
/// decoder is compared with.
struct FoundationEnvelope: Decodable {
    /// A JSON value, as a `Decodable` enum.
    enum AnyJSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let array = try? container.decode([AnyJSON].self) {
                self = .array(array)
            } else {
                self = .object(try container.decode([String: AnyJSON].self))
            }
        }
    }

    /// The stream of the event.
    struct Stream: Decodable {
        let aggregate: String
        let id: UUID
    }

    let format: Int
    let position: Int64
    let stream: Stream
    let version: Int
    let recordedAt: Date
    let eventType: String
    let schemaVersion: Int
    let eventId: UUID
    let commandId: UUID
    let commandEventIndex: Int
    let commandEventCount: Int
    let correlationId: UUID
    let causationId: UUID?
    let payload: [String: AnyJSON]
    let metadata: [String: AnyJSON]

    /// A decoder set up for the store's keys and timestamps.
    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a timestamp"))
            }
            return date
        }
        return decoder
    }
}
