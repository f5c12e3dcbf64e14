import Crypto
import Foundation

/// The UUID a header's text stands for: the text itself when it is a UUID, otherwise the
/// first 128 bits of its SHA-256, marked as a version-8 UUID (RFC 9562), so that any
/// `Idempotency-Key` or `X-Correlation-ID` a client sends maps to one id, always the same, and
/// no client can make its key collide with another's.
enum HeaderUUID {
    static func uuid(for text: String) -> UUID {
        if let uuid = UUID(uuidString: text) { return uuid }
        var bytes = Array(SHA256.hash(data: Array(text.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
    }
}
