import CCacheHints

/// An open-addressing hash table from n-gram keys to an `Int32` value and a `Float`.
///
/// Used in the summarizer's inner loops instead of `Dictionary`: keys are `UInt64`
/// n-gram keys (never 0, which marks an empty bucket). Key and values share one
/// 16-byte entry, so a lookup in a large table costs one cache miss.
struct KeyTable: Sendable {
    struct Entry: Sendable {
        var key: UInt64
        var value: Int32
        var weight: Float
    }

    private(set) var entries: [Entry]
    private var mask: Int
    /// Number of stored keys.
    private(set) var count = 0

    /// A table sized for about `expected` keys.
    init(expectedCount expected: Int) {
        var capacity = 16
        while capacity < max(1, expected) * 2 { capacity <<= 1 }
        entries = [Entry](repeating: Entry(key: 0, value: -1, weight: 0), count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func bucket(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The entry stored for `key`, or `nil`.
    @inline(__always)
    func entry(for key: UInt64) -> Entry? {
        guard key != 0 else { return nil }
        return entries.withUnsafeBufferPointer { buffer -> Entry? in
            var i = KeyTable.bucket(key, mask: mask)
            while true {
                let e = buffer[i]
                if e.key == key { return e }
                if e.key == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// The weight of each of `keys` into `weights` (`missing` for a key not stored). The
    /// bucket of a key a few places ahead is prefetched, so that in a table larger than
    /// the cache the misses overlap instead of queueing.
    func weights(of keys: UnsafeBufferPointer<UInt64>, into weights: UnsafeMutableBufferPointer<Float>, missing: Float) {
        let ahead = 8
        let mask = self.mask
        entries.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for k in 0..<min(ahead, keys.count) { docsift_prefetch_read(base + KeyTable.bucket(keys[k], mask: mask)) }
            for k in 0..<keys.count {
                if k + ahead < keys.count { docsift_prefetch_read(base + KeyTable.bucket(keys[k + ahead], mask: mask)) }
                let key = keys[k]
                var weight = missing
                if key != 0 {
                    var i = KeyTable.bucket(key, mask: mask)
                    while true {
                        let e = buffer[i]
                        if e.key == key { weight = e.weight; break }
                        if e.key == 0 { break }
                        i = (i + 1) & mask
                    }
                }
                weights[k] = weight
            }
        }
    }

    /// The value stored for `key`, or -1.
    @inline(__always)
    func value(for key: UInt64) -> Int32 { entry(for: key)?.value ?? -1 }

    /// The value for `key`, storing `next` (and `weight`) when the key is new.
    @inline(__always)
    mutating func valueInserting(_ key: UInt64, next: Int32, weight: Float = 0) -> Int32 {
        guard key != 0 else { return -1 }
        if (count + 1) * 2 > entries.count { grow() }
        let mask = self.mask
        let (value, inserted) = entries.withUnsafeMutableBufferPointer { buffer -> (Int32, Bool) in
            var i = KeyTable.bucket(key, mask: mask)
            while true {
                let k = buffer[i].key
                if k == key { return (buffer[i].value, false) }
                if k == 0 {
                    buffer[i] = Entry(key: key, value: next, weight: weight)
                    return (next, true)
                }
                i = (i + 1) & mask
            }
        }
        if inserted { count += 1 }
        return value
    }

    /// Inserts through raw storage, without the per-call copy-on-write check of
    /// ``valueInserting(_:next:weight:)``. The inserter never grows the table: the caller
    /// checks ``Inserter/hasRoom(for:)``, leaves `body`, calls ``grow()`` and goes on.
    mutating func withInserter<R>(_ body: (inout Inserter) -> R) -> R {
        let mask = self.mask
        var count = self.count
        let result = entries.withUnsafeMutableBufferPointer { buffer -> R in
            var inserter = Inserter(buffer: buffer, mask: mask, count: count)
            defer { count = inserter.count }
            return body(&inserter)
        }
        self.count = count
        return result
    }

    /// Inserts into a table's storage (see ``withInserter(_:)``).
    struct Inserter {
        let buffer: UnsafeMutableBufferPointer<Entry>
        let mask: Int
        /// Number of stored keys.
        var count: Int

        /// Whether `n` more keys keep the table at most half full.
        @inline(__always)
        func hasRoom(for n: Int) -> Bool { (count + n) * 2 <= buffer.count }

        /// The value for `key` (never 0), storing `next` (and `weight`) when the key is new.
        @inline(__always)
        mutating func valueInserting(_ key: UInt64, next: Int32, weight: Float = 0) -> Int32 {
            var i = KeyTable.bucket(key, mask: mask)
            while true {
                let k = buffer[i].key
                if k == key { return buffer[i].value }
                if k == 0 {
                    buffer[i] = Entry(key: key, value: next, weight: weight)
                    count += 1
                    return next
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Doubles the number of slots, keeping every key and value.
    mutating func grow() {
        let old = entries
        let capacity = entries.count * 2
        entries = [Entry](repeating: Entry(key: 0, value: -1, weight: 0), count: capacity)
        mask = capacity - 1
        count = 0
        for e in old where e.key != 0 {
            _ = valueInserting(e.key, next: e.value, weight: e.weight)
        }
    }
}
