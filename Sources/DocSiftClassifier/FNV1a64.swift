/// The 64-bit FNV-1a hash, used as the model file checksum.
public enum FNV1a64 {
    /// The offset basis.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The FNV prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `bytes`.
    public static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }
}
