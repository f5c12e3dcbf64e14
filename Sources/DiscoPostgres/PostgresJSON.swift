import Disco

/// The JSON text of payloads and metadata as the PostgreSQL store keeps them, written and
/// read with `Disco.JSON`.
///
/// The columns are `json`, not `jsonb`: PostgreSQL keeps `json` text exactly as written, so
/// object keys keep their order and numbers their digits, and an event reads back equal to
/// the one appended. (`jsonb` would sort keys and drop the distinction between `1` and `1.0`.)
enum PostgresJSON {
    /// The JSON text of an object.
    static func encode(_ params: Params, of what: @autoclosure () -> String) throws(EventStoreError) -> String {
        do {
            return String(decoding: try JSON.encode(params), as: UTF8.self)
        } catch {
            throw EventStoreError(.io, "\(what()) cannot be written as JSON: \(error)")
        }
    }

    /// The object a JSON text holds.
    static func decode(_ text: String, of what: @autoclosure () -> String) throws(EventStoreError) -> Params {
        do {
            return try JSON.decodeObject(Array(text.utf8))
        } catch {
            throw EventStoreError(.corrupted, "\(what()) in PostgreSQL is not a JSON object: \(error)")
        }
    }
}
