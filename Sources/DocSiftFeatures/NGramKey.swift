/// 64-bit keys that name character n-grams.
///
/// An n-gram of up to three characters is packed exactly: 21 bits per Unicode scalar,
/// the last character in the lowest bits; token characters are never U+0000, so the
/// number of non-zero slots gives the length and the key decodes back to its text.
/// Longer n-grams are hashed (FNV-1a over the scalars) and marked by the top bit.
public enum NGramKey {
    /// The top bit marks a hashed (not decodable) key.
    public static let hashedFlag: UInt64 = 1 << 63
    static let slotBits: UInt64 = 21
    static let slotMask: UInt64 = (1 << 21) - 1

    /// The key of the n-gram made of `scalars` (values of Unicode scalars).
    @inlinable
    public static func key<C: Collection>(of scalars: C) -> UInt64 where C.Element == UInt32 {
        if scalars.count <= 3 {
            var key: UInt64 = 0
            for s in scalars { key = (key << 21) | UInt64(s) }
            return key
        }
        var hash = FNV1a64.offsetBasis
        for s in scalars {
            hash = FNV1a64.step(hash, UInt64(s))
        }
        return hash | hashedFlag
    }

    /// The text of an exactly packed key, or `nil` for a hashed key or an invalid one.
    public static func text(of key: UInt64) -> String? {
        guard key & hashedFlag == 0, key != 0 else { return nil }
        var scalars: [Unicode.Scalar] = []
        var rest = key
        while rest != 0 {
            guard let scalar = Unicode.Scalar(UInt32(rest & slotMask)) else { return nil }
            scalars.append(scalar)
            rest >>= slotBits
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars.reversed())
        return String(text)
    }
}
