/// UTF-8 straight to and from Unicode scalars, the one codec of the text hot paths:
/// strings built from runs of scalars (appending to a `String.UnicodeScalarView` one
/// scalar at a time costs far more), and the scalars of a string decoded from its UTF-8.
@usableFromInline
package enum ScalarText {
    /// The string made of `scalars`, UTF-8 encoded straight into the string's storage.
    package static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[i] = UInt8(truncatingIfNeeded: v)
                    i += 1
                } else if v < 0x800 {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    i += 2
                } else if v < 0x10000 {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    i += 3
                } else {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    i += 4
                }
            }
            return i
        }
    }

    /// The scalars of `text`.
    package static func scalars(of text: String) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            var n = 0
            // A String's UTF-8 is valid, so every decoded value is a scalar.
            forEachScalarValue(in: text) { value in
                buffer[n] = Unicode.Scalar(value) ?? "\u{FFFD}"
                n += 1
            }
            count = n
        }
    }

    /// Calls `body` with the value of every scalar of `text`, in order, decoding the
    /// string's UTF-8 directly when it is stored contiguously.
    @inlinable @inline(__always)
    package static func forEachScalarValue(in text: String, _ body: (UInt32) -> Void) {
        let decoded: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Swift strings hold valid UTF-8, so every sequence is complete.
            let count = bytes.count
            var i = 0
            while i < count {
                let lead = UInt32(bytes[i])
                let value: UInt32
                if lead < 0x80 {
                    value = lead
                    i += 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                    i += 3
                } else {
                    value = (lead & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                        | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                    i += 4
                }
                body(value)
            }
        }
        if decoded == nil {
            for scalar in text.unicodeScalars { body(scalar.value) }
        }
    }
}
