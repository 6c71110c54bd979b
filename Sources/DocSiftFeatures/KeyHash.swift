/// The multiplicative (Fibonacci) hash that places n-gram keys in the open-addressing
/// tables of this module: the vocabulary, a document's n-gram counts and corpus counts.
@usableFromInline
package enum KeyHash {
    /// The slot of `key` in a table of `2^(64 − shift)` slots: the top bits of the key times
    /// 2⁶⁴/φ. (`shift` is below 64, so the masking shift needs no width check.)
    @inlinable @inline(__always)
    package static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }
}
