#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sublinear term-frequency weight `1 + ln(count)` (0 for a count of 0), from a table
/// for the small whole counts that make up nearly every lookup; the same values as `logf`.
/// The one definition for TF-IDF vectors, bulk scoring and the summarizer.
public enum SublinearTF {
    /// `1 + logf(k)` for k in 1..<256; index 0 holds 0.
    public static let table: [Float] = (0..<256).map { $0 == 0 ? 0 : 1 + logf(Float($0)) }

    /// `1 + ln(count)` for a positive count, 0 otherwise (the same values as the table).
    @inlinable
    public static func weight(_ count: Int) -> Float {
        if count <= 0 { return 0 }
        return count < 256 ? table[count] : 1 + logf(Float(count))
    }

    /// ``weight(_:)`` for hot loops: `table` is ``table`` (256 entries), passed in so that
    /// they read it without a lazy-initialization check per call.
    @inlinable @inline(__always)
    package static func weight(whole count: Int32, table: UnsafeBufferPointer<Float>) -> Float {
        if count <= 0 { return 0 }
        return count < 256 ? table[Int(count)] : 1 + logf(Float(count))
    }

    /// ``weight(whole:table:)`` for an n-gram's occurrence count.
    @inlinable @inline(__always)
    package static func weight(_ count: UInt32, table: UnsafeBufferPointer<Float>) -> Float {
        weight(whole: Int32(clamping: count), table: table)
    }
}
