import Foundation

/// UUIDs as canonical 8-4-4-4-12 text without Foundation's `sprintf` and `sscanf` paths:
/// what every id in params, payloads and store lines goes through.
extension UUID {
    /// The UUID in lowercase canonical form: `6f1c0b4e-…`.
    package var lowercasedText: String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            withUnsafeBytes(of: uuid) { bytes in
                var offset = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[offset] = UInt8(ascii: "-")
                        offset += 1
                    }
                    let byte = bytes[index]
                    buffer[offset] = UUID.hexDigit(byte >> 4)
                    buffer[offset + 1] = UUID.hexDigit(byte & 0x0F)
                    offset += 2
                }
            }
            return 36
        }
    }

    /// Appends the lowercase canonical form to bytes.
    package func appendText(to output: inout [UInt8]) {
        withUnsafeBytes(of: uuid) { bytes in
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 { output.append(UInt8(ascii: "-")) }
                let byte = bytes[index]
                output.append(UUID.hexDigit(byte >> 4))
                output.append(UUID.hexDigit(byte & 0x0F))
            }
        }
    }

    /// A UUID from canonical text in either case; `nil` for anything else.
    package init?(text: String) {
        var text = text
        guard let parsed = text.withUTF8({ UUID(utf8: $0) }) else { return nil }
        self = parsed
    }

    /// A UUID from the UTF-8 bytes of canonical text in either case; `nil` for anything else.
    package init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard text.count == 36, text[8] == UInt8(ascii: "-"), text[13] == UInt8(ascii: "-"),
            text[18] == UInt8(ascii: "-"), text[23] == UInt8(ascii: "-")
        else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var nibbles = 0
        for byte in text where byte != UInt8(ascii: "-") {
            guard let value = UUID.hexValue(byte) else { return nil }
            if nibbles < 16 {
                high = high << 4 | UInt64(value)
            } else {
                low = low << 4 | UInt64(value)
            }
            nibbles += 1
        }
        guard nibbles == 32 else { return nil }
        let bigHigh = high.bigEndian
        let bigLow = low.bigEndian
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw.storeBytes(of: bigHigh, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: bigLow, toByteOffset: 8, as: UInt64.self)
        }
        self.init(uuid: bytes)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
