import CCacheHints

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

    /// Makes room for about `expected` distinct keys at once, instead of doubling (and
    /// rehashing) step by step as they arrive.
    public mutating func reserveCapacity(_ expected: Int) {
        var capacity = keys.count
        while capacity < expected * 2 { capacity *= 2 }
        guard capacity > keys.count else { return }
        if count > 0 {
            while keys.count < capacity { grow() }
            return
        }
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [UInt32](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The count of `key` (0 when absent).
    public subscript(key: UInt64) -> Int {
        guard key != 0 else { return 0 }
        return keys.withUnsafeBufferPointer { stored in
            let slot = KeyCountTable.slot(for: key, in: stored, shift: shift)
            return stored[slot] == key ? Int(counts[slot]) : 0
        }
    }

    /// Adds `amount` to the count of `key` (key 0 is not a valid key and is ignored).
    public mutating func add(_ key: UInt64, _ amount: UInt32 = 1) {
        guard key != 0 else { return }
        if (count + 1) * 2 > keys.count { grow() }
        let shift = self.shift
        let inserted = keys.withUnsafeMutableBufferPointer { stored in
            counts.withUnsafeMutableBufferPointer { counts -> Bool in
                let slot = KeyCountTable.slot(for: key, in: UnsafeBufferPointer(stored), shift: shift)
                counts[slot] &+= amount
                if stored[slot] == key { return false }
                stored[slot] = key
                return true
            }
        }
        if inserted { count += 1 }
    }

    /// Adds one to the count of every key in `keys` (0 is skipped).
    public mutating func addOne(toEach keys: [UInt64]) {
        while (count + keys.count) * 2 > self.keys.count { grow() }
        var added = 0
        let shift = self.shift
        self.keys.withUnsafeMutableBufferPointer { stored in
            counts.withUnsafeMutableBufferPointer { counts in
                KeyCountTable.forEachSlot(of: keys, in: UnsafeBufferPointer(stored), counts: UnsafeBufferPointer(counts),
                                          shift: shift) { _, key, slot in
                    counts[slot] &+= 1
                    if stored[slot] != key {
                        stored[slot] = key
                        added += 1
                    }
                }
            }
        }
        count += added
    }

    /// The count of each of `keys` (0 when absent).
    public func counts(of keys: [UInt64]) -> [Int] {
        var result = [Int](repeating: 0, count: keys.count)
        let shift = self.shift
        self.keys.withUnsafeBufferPointer { stored in
            self.counts.withUnsafeBufferPointer { counts in
                KeyCountTable.forEachSlot(of: keys, in: stored, counts: counts, shift: shift) { k, key, slot in
                    if stored[slot] == key { result[k] = Int(counts[slot]) }
                }
            }
        }
        return result
    }

    /// Calls `body(k, key, slot)` for each non-zero `keys[k]` with its slot (see
    /// ``slot(for:in:shift:)``). The slots of the key 16 places ahead are prefetched: in a
    /// corpus-sized table most slots are cache misses, and this way they overlap instead of
    /// queueing.
    @inline(__always)
    private static func forEachSlot(of keys: [UInt64], in stored: UnsafeBufferPointer<UInt64>,
                                    counts: UnsafeBufferPointer<UInt32>, shift: UInt64,
                                    _ body: (Int, UInt64, Int) -> Void) {
        guard let storedBase = stored.baseAddress, let countBase = counts.baseAddress else { return }
        let ahead = 16
        keys.withUnsafeBufferPointer { batch in
            for k in 0..<min(ahead, batch.count) {
                let s = KeyHash.slot(of: batch[k], shift: shift)
                docsift_prefetch_read(storedBase + s)
                docsift_prefetch_read(countBase + s)
            }
            for k in 0..<batch.count {
                if k + ahead < batch.count {
                    let later = KeyHash.slot(of: batch[k + ahead], shift: shift)
                    docsift_prefetch_read(storedBase + later)
                    docsift_prefetch_read(countBase + later)
                }
                let key = batch[k]
                guard key != 0 else { continue }
                body(k, key, slot(for: key, in: stored, shift: shift))
            }
        }
    }

    /// The slot holding `key` or, when it is absent, the empty slot where it would go.
    @inline(__always)
    private static func slot(for key: UInt64, in stored: UnsafeBufferPointer<UInt64>, shift: UInt64) -> Int {
        let mask = stored.count - 1
        var slot = KeyHash.slot(of: key, shift: shift)
        while stored[slot] != key && stored[slot] != 0 { slot = (slot + 1) & mask }
        return slot
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
