/// The 64-bit FNV-1a hash: the checksum of DocSift's binary files and the hash of long
/// n-grams and keyword candidates.
@usableFromInline
package enum FNV1a64 {
    /// The offset basis (the hash of nothing).
    @usableFromInline package static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The FNV prime.
    @usableFromInline package static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// `hash` extended by one value (a byte, or a Unicode scalar value).
    @inlinable @inline(__always)
    package static func step(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ value) &* prime
    }

    /// The hash of `bytes`.
    @inlinable
    package static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        if let hash = bytes.withContiguousStorageIfAvailable({ buffer -> UInt64 in
            var hash = offsetBasis
            for byte in buffer { hash = step(hash, UInt64(byte)) }
            return hash
        }) {
            return hash
        }
        var hash = offsetBasis
        for byte in bytes { hash = step(hash, UInt64(byte)) }
        return hash
    }
}
