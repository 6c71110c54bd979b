/// The distinct n-grams of one document with their occurrence counts: reusable scratch
/// space for vectorizing many documents on one thread.
///
/// A small open-addressing table keyed by n-gram key, sized to the document rather than to
/// a vocabulary, so counting stays in cache; the model's large tables are then consulted
/// once per *distinct* n-gram instead of once per occurrence. Single characters of the
/// Basic Multilingual Plane (a third of all occurrences) skip the hash table: their counts
/// sit at their code point in a directly indexed block. Distinct keys are kept in
/// first-seen order, so everything computed from them is deterministic. One instance
/// serves one thread at a time; ``count(_:with:)`` replaces the previous document.
public final class NGramCounts {
    /// The table lives behind a pointer that never changes, so the innermost loop reads
    /// no class properties (no exclusivity checks).
    @usableFromInline let table: UnsafeMutablePointer<Table>

    /// Keys below this are single BMP characters, counted at `tallies[key]`; every longer
    /// n-gram's key is at least 2²¹.
    @usableFromInline static let directKeys = 0x10000

    @usableFromInline struct Table {
        /// The hash table's keys (slot `s` is counted at `tallies[directKeys + s]`).
        @usableFromInline var keys: UnsafeMutablePointer<UInt64>
        /// Counts: `directKeys` for single characters, then one per hash slot.
        @usableFromInline var tallies: UnsafeMutablePointer<UInt32>
        /// Index into `tallies` of each distinct key, in first-seen order.
        @usableFromInline var order: UnsafeMutablePointer<Int32>
        /// Keys in first-seen order (a copy of `keys[order[k]]`, read sequentially).
        @usableFromInline var orderedKeys: UnsafeMutablePointer<UInt64>
        @usableFromInline var capacity: Int
        @usableFromInline var shift: UInt64
        @usableFromInline var used: Int

        init(capacity: Int) {
            self.capacity = capacity
            shift = UInt64(64 - capacity.trailingZeroBitCount)
            keys = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
            keys.initialize(repeating: 0, count: capacity)
            tallies = UnsafeMutablePointer<UInt32>.allocate(capacity: NGramCounts.directKeys + capacity)
            tallies.initialize(repeating: 0, count: NGramCounts.directKeys + capacity)
            order = UnsafeMutablePointer<Int32>.allocate(capacity: capacity / 2)
            orderedKeys = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity / 2)
            used = 0
        }

        func deallocate() {
            keys.deallocate()
            tallies.deallocate()
            order.deallocate()
            orderedKeys.deallocate()
        }
    }

    /// Empty scratch space; it grows with the largest document seen.
    public init() {
        table = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        table.initialize(to: Table(capacity: 4096))
    }

    deinit {
        table.pointee.deallocate()
        table.deallocate()
    }

    /// Number of distinct keys of the current document.
    public var distinctCount: Int { table.pointee.used }

    /// Counts the n-grams of `text` as cut by `extractor`, replacing the previous document.
    @inlinable
    public func count(_ text: String, with extractor: NGramExtractor) {
        clear()
        let table = self.table
        extractor.forEachKey(in: text) { NGramCounts.add($0, to: table) }
    }

    /// Calls `body(key, count)` for each distinct n-gram of the current document, in the
    /// order of first occurrence.
    @inlinable
    public func forEach(_ body: (UInt64, UInt32) -> Void) {
        let t = table.pointee
        for k in 0..<t.used { body(t.orderedKeys[k], t.tallies[Int(t.order[k])]) }
    }

    /// The distinct key at position `k` (first-seen order; `k` below ``distinctCount``,
    /// unchecked: for the hot loops of this package).
    @inlinable @inline(__always)
    package func key(at k: Int) -> UInt64 { table.pointee.orderedKeys[k] }

    /// The count of the distinct key at position `k` (first-seen order).
    @inlinable @inline(__always)
    package func tally(at k: Int) -> UInt32 { table.pointee.tallies[Int(table.pointee.order[k])] }

    /// Adds one occurrence of `key` (0 is not a valid key and is ignored).
    ///
    /// Whether the key is new is a coin flip the branch predictor would often lose, so both
    /// cases run the same instructions: the count is incremented either way, the key is
    /// appended to the first-seen order either way, and only the count of distinct keys
    /// depends on whether it was new. (Single characters and longer n-grams alternate in a
    /// fixed rhythm, which the predictor does learn.)
    @inlinable @inline(__always)
    static func add(_ key: UInt64, to table: UnsafeMutablePointer<Table>) {
        guard key != 0 else { return }
        let tallies = table.pointee.tallies
        let index: Int
        if key < UInt64(NGramCounts.directKeys) {
            index = Int(truncatingIfNeeded: key)
        } else {
            let keys = table.pointee.keys
            let mask = table.pointee.capacity - 1
            var slot = KeyHash.slot(of: key, shift: table.pointee.shift)
            var stored = keys[slot]
            while stored != key && stored != 0 {
                slot = (slot + 1) & mask
                stored = keys[slot]
            }
            keys[slot] = key
            index = NGramCounts.directKeys + slot
        }
        let before = tallies[index]
        tallies[index] = before &+ 1
        let used = table.pointee.used
        table.pointee.order[used] = Int32(truncatingIfNeeded: index)
        table.pointee.orderedKeys[used] = key
        let now = used &+ (before == 0 ? 1 : 0)
        table.pointee.used = now
        if now &* 2 >= table.pointee.capacity { grow(table) }
    }

    /// Empties the table, touching only the counts and slots in use.
    @usableFromInline
    func clear() {
        let t = table.pointee
        for k in 0..<t.used {
            let index = Int(t.order[k])
            t.tallies[index] = 0
            // A single character has no slot; slot 0 is cleared instead, harmlessly (every
            // slot in use ends up cleared).
            t.keys[max(index - NGramCounts.directKeys, 0)] = 0
        }
        table.pointee.used = 0
    }

    /// Doubles the hash table, keeping first-seen order.
    @usableFromInline
    static func grow(_ table: UnsafeMutablePointer<Table>) {
        let old = table.pointee
        var new = Table(capacity: old.capacity * 2)
        let mask = new.capacity - 1
        for k in 0..<old.used {
            let oldIndex = Int(old.order[k])
            let key = old.orderedKeys[k]
            var index = oldIndex
            if oldIndex >= NGramCounts.directKeys {
                var slot = KeyHash.slot(of: key, shift: new.shift)
                while new.keys[slot] != 0 { slot = (slot + 1) & mask }
                new.keys[slot] = key
                index = NGramCounts.directKeys + slot
            }
            new.tallies[index] = old.tallies[oldIndex]
            new.order[k] = Int32(truncatingIfNeeded: index)
            new.orderedKeys[k] = key
        }
        new.used = old.used
        old.deallocate()
        table.pointee = new
    }
}

/// One document's distinct n-grams with their counts, in first-seen order: kept when a
/// document is counted once for document frequencies and vectorized later, so that it is
/// not cut into n-grams twice.
public struct CountedNGrams: Sendable {
    /// The distinct n-gram keys.
    public let keys: [UInt64]
    /// How often each key occurs.
    public let tallies: [UInt32]

    /// The document currently held by `counts`.
    public init(_ counts: NGramCounts) {
        let n = counts.distinctCount
        keys = (0..<n).map { counts.key(at: $0) }
        tallies = (0..<n).map { counts.tally(at: $0) }
    }
}
