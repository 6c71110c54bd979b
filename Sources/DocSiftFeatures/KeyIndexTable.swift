import CCacheHints

/// Dense indices for n-gram keys (or any 64-bit keys) in first-seen order, each with a
/// `Float` weight: an open-addressing table (linear probing, ``KeyHash``, load factor
/// ≤ 0.5) whose 16-byte slots hold key, index and weight together, so a lookup in a large
/// table costs one cache miss. It numbers a document's distinct n-grams for the summarizer,
/// keyword candidates, and the keys of a ``BackgroundIDF`` with their IDF.
///
/// Every key is valid, 0 included (it is kept beside the slots, where 0 marks an empty slot).
package struct KeyIndexTable: Sendable {
    @usableFromInline struct Slot: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var index: Int32
        @usableFromInline var weight: Float
    }

    @usableFromInline var slots: [Slot]
    @usableFromInline var shift: UInt64
    /// Index and weight of key 0, when stored.
    @usableFromInline var zero: (index: Int32, weight: Float)?
    /// Number of stored keys (the next new key's index).
    package private(set) var count = 0

    /// A table with room for about `expected` keys before it grows.
    package init(expectedCount expected: Int) {
        var capacity = 16
        while capacity < max(1, expected) * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, index: -1, weight: 0), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// A table of `keys`, which must be distinct (e.g. strictly ascending): key `k` gets
    /// index `k` and weight `weights[k]` (0 past its end). Sized once for all of them. (A
    /// repeated key keeps its first index.)
    package init(distinctKeys keys: [UInt64], weights: [Float]) {
        self.init(expectedCount: keys.count)
        let shift = self.shift
        var zero = self.zero
        keys.withUnsafeBufferPointer { keys in weights.withUnsafeBufferPointer { weights in
            slots.withUnsafeMutableBufferPointer { slots in
                // The table is at most half full, so every probe ends.
                for position in 0..<keys.count {
                    let key = keys[position], weight = position < weights.count ? weights[position] : 0
                    let index = Int32(truncatingIfNeeded: position)
                    _ = key == 0 ? Self.claimZero(&zero, next: index, weight: weight)
                        : Self.findOrInsert(key, next: index, weight: weight, in: slots, shift: shift)
                }
            }
        } }
        self.zero = zero
        count = keys.count
    }

    /// `keys` numbered in first-seen order in a fresh table sized for all of them (it never
    /// grows): the table (weights 0), each key's index, the distinct keys in index order,
    /// and how often each occurs. One pass over the raw slots.
    package static func numbering(_ keys: [UInt64]) -> (table: KeyIndexTable, indices: [Int32], distinct: [UInt64], counts: [Int32]) {
        var table = KeyIndexTable(expectedCount: keys.count)
        let total = keys.count, shift = table.shift
        var indices = [Int32](repeating: 0, count: total)
        var distinct = [UInt64](repeating: 0, count: total)
        var counts = [Int32](repeating: 0, count: total)
        var next = 0
        var zero: (index: Int32, weight: Float)?
        // Every index is below `next` ≤ total, the size of the three output arrays; the table
        // is at most half full, so every probe ends.
        keys.withUnsafeBufferPointer { keys in table.slots.withUnsafeMutableBufferPointer { slots in
            indices.withUnsafeMutableBufferPointer { indices in distinct.withUnsafeMutableBufferPointer { distinct in
                counts.withUnsafeMutableBufferPointer { counts in
                    for k in 0..<total {
                        let key = keys[k]
                        let (index, inserted) = key == 0
                            ? Self.claimZero(&zero, next: Int32(truncatingIfNeeded: next), weight: 0)
                            : Self.findOrInsert(key, next: Int32(truncatingIfNeeded: next), weight: 0, in: slots, shift: shift)
                        if inserted {
                            distinct[next] = key
                            next &+= 1
                        }
                        counts[Int(index)] &+= 1
                        indices[k] = index
                    }
                }
            } }
        } }
        table.count = next
        table.zero = zero
        distinct.removeLast(total - next)
        counts.removeLast(total - next)
        return (table, indices, distinct, counts)
    }

    /// The index of `key`; a new key gets the next index (``count``) and `weight`.
    @inlinable @inline(__always)
    package mutating func index(inserting key: UInt64, weight: Float = 0) -> Int32 {
        let next = Int32(truncatingIfNeeded: count)
        if key != 0, (count + 1) * 2 > slots.count { grow() }
        let shift = self.shift
        let (index, inserted) = key == 0 ? Self.claimZero(&zero, next: next, weight: weight)
            : slots.withUnsafeMutableBufferPointer { Self.findOrInsert(key, next: next, weight: weight, in: $0, shift: shift) }
        if inserted { count += 1 }
        return index
    }

    /// The index of each of `keys`, inserting new ones as ``index(inserting:weight:)`` does
    /// (with weight `weights[k]`, or 0): one pass over the raw slots, sized for all of
    /// them first.
    package mutating func indices(inserting keys: [UInt64], weights: [Float]? = nil) -> [Int32] {
        let weights = weights ?? []
        var indices = [Int32](repeating: 0, count: keys.count)
        var k = 0
        while k < keys.count {
            var count = self.count
            var zero = self.zero
            let shift = self.shift
            // Insert until the table would be more than half full; then grow and go on.
            indices.withUnsafeMutableBufferPointer { indices in slots.withUnsafeMutableBufferPointer { slots in
                while k < keys.count && (count + 1) * 2 <= slots.count {
                    let key = keys[k]
                    let next = Int32(truncatingIfNeeded: count)
                    let weight = k < weights.count ? weights[k] : 0
                    let (index, inserted) = key == 0 ? Self.claimZero(&zero, next: next, weight: weight)
                        : Self.findOrInsert(key, next: next, weight: weight, in: slots, shift: shift)
                    if inserted { count += 1 }
                    indices[k] = index
                    k += 1
                }
            } }
            self.count = count
            self.zero = zero
            if k < keys.count { grow() }
        }
        return indices
    }

    /// Index and weight of `key`, or `nil` when it is not stored.
    @inlinable
    package func entry(of key: UInt64) -> (index: Int32, weight: Float)? {
        guard key != 0 else { return zero }
        let mask = slots.count - 1
        var slot = KeyHash.slot(of: key, shift: shift)
        while true {
            let stored = slots[slot]
            if stored.key == key { return (stored.index, stored.weight) }
            if stored.key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `key`, or `nil`.
    @inlinable
    package func index(of key: UInt64) -> Int32? { entry(of: key)?.index }

    /// The weight of each of `keys` (`missing` for a key not stored). The slot of the key a
    /// few places ahead is prefetched, so that in a table larger than the cache the misses
    /// overlap instead of queueing.
    package func weights(of keys: [UInt64], missing: Float) -> [Float] {
        let ahead = 8
        let shift = self.shift
        var weights = [Float](repeating: missing, count: keys.count)
        weights.withUnsafeMutableBufferPointer { weights in slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            let mask = slots.count - 1
            for k in 0..<min(ahead, keys.count) { docsift_prefetch_read(base + KeyHash.slot(of: keys[k], shift: shift)) }
            for k in keys.indices {
                if k + ahead < keys.count { docsift_prefetch_read(base + KeyHash.slot(of: keys[k + ahead], shift: shift)) }
                let key = keys[k]
                if key == 0 {
                    if let zero { weights[k] = zero.weight }
                    continue
                }
                var slot = KeyHash.slot(of: key, shift: shift)
                while true {
                    let stored = slots[slot]
                    if stored.key == key {
                        weights[k] = stored.weight
                        break
                    }
                    if stored.key == 0 { break }
                    slot = (slot + 1) & mask
                }
            }
        } }
        return weights
    }

    /// Calls `body(key, index)` for every stored key, in slot order (key 0 first).
    package func forEach(_ body: (UInt64, Int32) -> Void) {
        if let zero { body(0, zero.index) }
        for slot in slots where slot.key != 0 { body(slot.key, slot.index) }
    }

    /// The probe of every insert: the index of `key` (not 0) when stored, else `next`, stored
    /// with `weight` in the empty slot that ends the probe (`inserted`: the caller counts it).
    /// The table must have an empty slot.
    @inlinable @inline(__always)
    static func findOrInsert(_ key: UInt64, next: Int32, weight: Float, in slots: UnsafeMutableBufferPointer<Slot>,
                             shift: UInt64) -> (index: Int32, inserted: Bool) {
        let mask = slots.count &- 1
        var slot = KeyHash.slot(of: key, shift: shift)
        while true {
            let stored = slots[slot].key
            if stored == key { return (slots[slot].index, false) }
            if stored == 0 {
                slots[slot] = Slot(key: key, index: next, weight: weight)
                return (next, true)
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Key 0's index when stored, else `next` with `weight` (`inserted`), as ``findOrInsert(_:next:weight:in:shift:)``.
    @inlinable @inline(__always)
    static func claimZero(_ zero: inout (index: Int32, weight: Float)?, next: Int32, weight: Float) -> (index: Int32, inserted: Bool) {
        if let zero { return (zero.index, false) }
        zero = (next, weight)
        return (next, true)
    }

    /// Doubles the number of slots, keeping every key, index and weight.
    @usableFromInline
    mutating func grow() {
        let old = slots
        let capacity = old.count * 2
        slots = [Slot](repeating: Slot(key: 0, index: -1, weight: 0), count: capacity)
        shift -= 1
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { slots in
            for entry in old where entry.key != 0 {
                _ = Self.findOrInsert(entry.key, next: entry.index, weight: entry.weight, in: slots, shift: shift)
            }
        }
    }
}

extension KeyIndexTable {
    /// Appends the index of each of `keys` to `indices`, inserting new keys (weight 0) as
    /// ``index(inserting:weight:)`` does, for a table larger than the cache (a training
    /// corpus's n-grams): the table is grown once to hold all of `keys`, the slot of the key
    /// `ahead` places on is prefetched so that the misses overlap, and `indices` is a buffer
    /// the caller reuses from call to call.
    package mutating func appendIndices(inserting keys: [UInt64], to indices: inout [Int32], prefetchingAhead ahead: Int = 16) {
        while (count + keys.count) * 2 > slots.count { grow() }
        indices.reserveCapacity(indices.count + keys.count)
        var count = self.count
        var zero = self.zero
        let shift = self.shift
        let ahead = max(0, ahead)
        keys.withUnsafeBufferPointer { keys in slots.withUnsafeMutableBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            for k in 0..<min(ahead, keys.count) { docsift_prefetch_read(base + KeyHash.slot(of: keys[k], shift: shift)) }
            for k in 0..<keys.count {
                if k + ahead < keys.count { docsift_prefetch_read(base + KeyHash.slot(of: keys[k + ahead], shift: shift)) }
                let key = keys[k]
                let next = Int32(truncatingIfNeeded: count)
                let (index, inserted) = key == 0 ? Self.claimZero(&zero, next: next, weight: 0)
                    : Self.findOrInsert(key, next: next, weight: 0, in: slots, shift: shift)
                if inserted { count += 1 }
                indices.append(index)
            }
        } }
        self.count = count
        self.zero = zero
    }
}
