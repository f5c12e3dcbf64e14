/// The 64-bit FNV-1a hash: a fast, stable checksum of bytes (not a cryptographic one).
enum FNV1a {
    /// The standard offset basis.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of bytes, starting from `offset`.
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, offset: UInt64 = offsetBasis) -> UInt64 {
        var hash = offset
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
