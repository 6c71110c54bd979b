/// Least-significant-digit radix sort of 64-bit values, a byte per pass; passes over bytes
/// that are the same in every value are skipped. Sorting the keys of a vocabulary or the
/// entries of a vector takes a few linear passes instead of a comparison sort.
package enum RadixSort {
    /// Sorts `values` ascending by the bytes in `bytes` (0 = least significant): with
    /// `0..<8` a full sort; with e.g. `4..<8`, a stable sort by the upper half only.
    package static func sort(_ values: inout [UInt64], bytes: Range<Int> = 0..<8) {
        let count = values.count
        guard count > 1 else { return }
        if count < 64 {
            insertionSort(&values, bytes: bytes)
            return
        }
        var scratch = [UInt64](repeating: 0, count: count)
        var histogram = [Int](repeating: 0, count: 256)
        for byte in bytes {
            let shift = UInt64(8 * byte)
            for k in 0..<256 { histogram[k] = 0 }
            values.withUnsafeBufferPointer { source in
                for value in source { histogram[Int(truncatingIfNeeded: (value &>> shift) & 0xFF)] += 1 }
            }
            // Every value has the same digit: this pass would not move anything.
            if histogram.contains(count) { continue }
            var offset = 0
            for k in 0..<256 {
                let size = histogram[k]
                histogram[k] = offset
                offset += size
            }
            values.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    for value in source {
                        let digit = Int(truncatingIfNeeded: (value &>> shift) & 0xFF)
                        target[histogram[digit]] = value
                        histogram[digit] += 1
                    }
                }
            }
            swap(&values, &scratch)
        }
    }

    private static func insertionSort(_ values: inout [UInt64], bytes: Range<Int>) {
        let low = UInt64(8 * bytes.lowerBound)
        let width = UInt64(8 * bytes.count)
        let mask: UInt64 = width >= 64 ? ~0 : (1 << width) - 1
        func digits(_ value: UInt64) -> UInt64 { (value >> low) & mask }
        for i in 1..<values.count {
            let value = values[i]
            var j = i
            while j > 0 && digits(values[j - 1]) > digits(value) {
                values[j] = values[j - 1]
                j -= 1
            }
            values[j] = value
        }
    }
}
