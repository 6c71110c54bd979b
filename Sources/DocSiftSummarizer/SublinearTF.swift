#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sublinear term-frequency weight `1 + ln(count)` (0 for a count of 0), from a table
/// for the small whole counts that make up nearly every lookup; same values as `logf`.
enum SublinearTF {
    /// `1 + logf(k)` for k in 1..<256; index 0 holds 0.
    static let table: [Float] = (0..<256).map { $0 == 0 ? 0 : 1 + logf(Float($0)) }

    /// `1 + ln(count)` for a positive whole count, 0 otherwise; `table` is ``table``.
    @inline(__always)
    static func weight(whole count: Int32, table: UnsafeBufferPointer<Float>) -> Float {
        if count <= 0 { return 0 }
        return count < 256 ? table[Int(count)] : 1 + logf(Float(count))
    }
}
