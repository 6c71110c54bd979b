import Testing
@testable import DocSiftFeatures

@Suite("Radix sort")
struct RadixSortTests {
    /// A deterministic pseudo-random sequence (splitmix64).
    func values(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [0, 1, 2, 63, 64, 65, 1000, 100_000])
    func fullSortEqualsTheStandardSort(count: Int) {
        var sorted = values(count, seed: UInt64(count))
        let expected = sorted.sorted()
        RadixSort.sort(&sorted)
        #expect(sorted == expected)
    }

    @Test func packedNGramKeysWithConstantHighBytesSort() {
        // 21-bit packed keys leave the top byte zero: that pass is skipped.
        var keys = values(5000, seed: 9).map { $0 & ((1 << 63) - 1) >> 8 }
        let expected = keys.sorted()
        RadixSort.sort(&keys)
        #expect(keys == expected)
    }

    @Test(arguments: [10, 5000])
    func sortingByTheHighHalfIsStableAndIgnoresTheLowHalf(count: Int) {
        // (index << 32 | payload): indices distinct, payloads arbitrary.
        let indices = Array(values(count, seed: 3).map { $0 >> 44 }.enumerated().map { UInt64($0.offset) << 20 | $0.element })
        var packed = zip(indices, values(count, seed: 4)).map { $0 << 32 | ($1 & 0xFFFF_FFFF) }
        let expected = packed.sorted { ($0 >> 32) < ($1 >> 32) }
        RadixSort.sort(&packed, bytes: 4..<8)
        #expect(packed == expected)
    }
}
