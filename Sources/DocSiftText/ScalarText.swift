/// Fast conversion of scalar arrays to `String` (UTF-8 encoded directly).
enum ScalarText {
    /// The string made of `scalars`.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v))
            } else if v < 0x800 {
                bytes.append(UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The string made of `scalars`.
    static func string(_ scalars: [Unicode.Scalar]) -> String { string(scalars[...]) }
}
