import Foundation

extension UUID {
    /// A UUID that is the same for the same bytes, in every process: two 64-bit FNV-1a
    /// hashes with different offsets, marked as a version 8 (custom) UUID.
    init(derivedFrom bytes: [UInt8]) {
        let high = FNV1a.hash(bytes)
        let low = FNV1a.hash(bytes, offset: 0x84222325_cbf29ce4 ^ UInt64(bytes.count))
        var octets =
            (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        octets[6] = (octets[6] & 0x0f) | 0x80
        octets[8] = (octets[8] & 0x3f) | 0x80
        self.init(
            uuid: (
                octets[0], octets[1], octets[2], octets[3], octets[4], octets[5], octets[6], octets[7],
                octets[8], octets[9], octets[10], octets[11], octets[12], octets[13], octets[14], octets[15]
            )
        )
    }
}
