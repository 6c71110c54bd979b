/// An open-addressing hash table from n-gram keys to `Int32` values.
///
/// Used in the summarizer's inner loops instead of `Dictionary`: keys are `UInt64`
/// n-gram keys (never 0, which marks an empty bucket).
struct KeyTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private var mask: Int
    /// Number of stored keys.
    private(set) var count = 0

    /// A table sized for about `expected` keys.
    init(expectedCount expected: Int) {
        var capacity = 16
        while capacity < max(1, expected) * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func bucket(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value stored for `key`, or -1.
    @inline(__always)
    func value(for key: UInt64) -> Int32 {
        guard key != 0 else { return -1 }
        var i = KeyTable.bucket(key, mask: mask)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    /// The value for `key`, storing `next` when the key is new.
    @inline(__always)
    mutating func valueInserting(_ key: UInt64, next: Int32) -> Int32 {
        guard key != 0 else { return -1 }
        if (count + 1) * 2 > keys.count { grow() }
        var i = KeyTable.bucket(key, mask: mask)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 {
                keys[i] = key
                values[i] = next
                count += 1
                return next
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let capacity = keys.count * 2
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            _ = valueInserting(k, next: v)
        }
    }
}
