import CCacheHints

/// The n-grams a model knows, each with a dense feature index.
///
/// Lookups use an open-addressing hash table (linear probing, multiplicative hashing) with
/// each slot's key and index side by side, so a lookup usually touches one cache line:
/// this is the innermost step of vectorizing text.
public struct Vocabulary: Sendable, Equatable {
    /// The n-gram keys; a key's position is its feature index.
    public let keys: [UInt64]
    /// Slot `s` holds its key at `2s` and its feature index at `2s + 1`; key 0 marks an
    /// empty slot (no n-gram has key 0).
    @usableFromInline let table: SlotTable
    @usableFromInline let mask: Int
    @usableFromInline let shift: UInt64

    /// A vocabulary over `keys` (feature index = position; duplicates keep the first; the
    /// invalid key 0 is dropped).
    public init(keys: [UInt64]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }  // load factor ≤ 0.5: most lookups end at the first slot
        let bits = UInt64(capacity.trailingZeroBitCount)
        let table = SlotTable(count: 2 * capacity)
        var unique: [UInt64] = []
        unique.reserveCapacity(keys.count)
        let mask = capacity - 1
        for key in keys where key != 0 {
            var slot = KeyHash.slot(of: key, shift: 64 - bits)
            while table.base[2 * slot] != 0 && table.base[2 * slot] != key { slot = (slot + 1) & mask }
            if table.base[2 * slot] == key { continue }
            table.base[2 * slot] = key
            table.base[2 * slot + 1] = UInt64(unique.count)
            unique.append(key)
        }
        self.keys = unique
        self.table = table
        self.mask = mask
        self.shift = 64 - bits
    }

    /// Number of features.
    public var count: Int { keys.count }

    /// The feature index of `key`, or `nil` when the n-gram is unknown.
    @inlinable
    public func index(of key: UInt64) -> Int? {
        lookup(key).map(Int.init)
    }

    /// The feature index of `key` as stored, or `nil` when unknown.
    @inlinable @inline(__always)
    public func lookup(_ key: UInt64) -> Int32? {
        guard key != 0 else { return nil }
        let t = table.base
        var slot = KeyHash.slot(of: key, shift: shift)
        while true {
            let stored = t[2 * slot]
            if stored == key { return Int32(truncatingIfNeeded: t[2 * slot + 1]) }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Starts loading the table slot where a lookup of `key` begins, so that a lookup a few
    /// steps later finds it in cache. Only a hint: it changes no state.
    @inlinable @inline(__always)
    public func prefetch(_ key: UInt64) {
        docsift_prefetch_read(table.base + 2 * KeyHash.slot(of: key, shift: shift))
    }

    public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool { lhs.keys == rhs.keys }
}

/// The vocabulary's slots in one zeroed block from `docsift_allocate_table` (huge-page
/// hinted: lookups land at random), written only while the vocabulary is built.
@usableFromInline
final class SlotTable: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<UInt64>
    private let hinted: Bool
    private let bytes: Int

    init(count: Int) {
        bytes = count * MemoryLayout<UInt64>.stride
        if let block = docsift_allocate_table(bytes) {
            base = block.bindMemory(to: UInt64.self, capacity: count)
            hinted = true
        } else {
            base = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            base.initialize(repeating: 0, count: count)
            hinted = false
        }
    }

    deinit {
        if hinted { docsift_free_table(base, bytes) } else { base.deallocate() }
    }
}
