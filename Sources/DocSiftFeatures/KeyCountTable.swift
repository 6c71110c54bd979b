/// Counts per n-gram key: an open-addressing hash table (linear probing, multiplicative
/// hashing, load factor ≤ 0.5) with keys and counts in flat arrays. Counting the n-grams
/// of a corpus does hundreds of thousands of increments per megabyte; a general-purpose
/// dictionary spends most of that time hashing and resizing.
public struct KeyCountTable: Sendable {
    private var keys: [UInt64]
    private var counts: [UInt32]
    private var shift: UInt64
    /// Number of distinct keys.
    public private(set) var count = 0

    /// An empty table.
    public init() {
        keys = [UInt64](repeating: 0, count: 1 << 12)
        counts = [UInt32](repeating: 0, count: 1 << 12)
        shift = 64 - 12
    }

    /// The count of `key` (0 when absent).
    public subscript(key: UInt64) -> Int {
        guard key != 0 else { return 0 }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let stored = keys[slot]
            if stored == key { return Int(counts[slot]) }
            if stored == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `amount` to the count of `key` (key 0 is not a valid key and is ignored).
    public mutating func add(_ key: UInt64, _ amount: UInt32 = 1) {
        guard key != 0 else { return }
        if (count + 1) * 2 > keys.count { grow() }
        let shift = self.shift
        let inserted = keys.withUnsafeMutableBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts -> Bool in
                let mask = keys.count - 1
                var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while true {
                    let stored = keys[slot]
                    if stored == key {
                        counts[slot] &+= amount
                        return false
                    }
                    if stored == 0 {
                        keys[slot] = key
                        counts[slot] = amount
                        return true
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        if inserted { count += 1 }
    }

    /// Calls `body(key, count)` for every key, in table order (deterministic for the same
    /// sequence of additions, but not sorted).
    public func forEach(_ body: (UInt64, Int) -> Void) {
        for slot in keys.indices where keys[slot] != 0 { body(keys[slot], Int(counts[slot])) }
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        counts = [UInt32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for slot in oldKeys.indices where oldKeys[slot] != 0 { add(oldKeys[slot], oldCounts[slot]) }
    }
}
