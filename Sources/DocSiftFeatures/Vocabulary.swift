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
    @usableFromInline let table: [UInt64]
    @usableFromInline let mask: Int
    @usableFromInline let shift: UInt64

    /// A vocabulary over `keys` (feature index = position; duplicates keep the first; the
    /// invalid key 0 is dropped).
    public init(keys: [UInt64]) {
        var capacity = 16
        while capacity * 7 < keys.count * 10 { capacity *= 2 }  // load factor ≤ 0.7
        let bits = UInt64(capacity.trailingZeroBitCount)
        var table = [UInt64](repeating: 0, count: 2 * capacity)
        var unique: [UInt64] = []
        unique.reserveCapacity(keys.count)
        let mask = capacity - 1
        for key in keys where key != 0 {
            var slot = Vocabulary.slot(of: key, shift: 64 - bits)
            while table[2 * slot] != 0 && table[2 * slot] != key { slot = (slot + 1) & mask }
            if table[2 * slot] == key { continue }
            table[2 * slot] = key
            table[2 * slot + 1] = UInt64(unique.count)
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
        return table.withUnsafeBufferPointer { t -> Int32? in
            var slot = Vocabulary.slot(of: key, shift: shift)
            while true {
                let stored = t[2 * slot]
                if stored == key { return Int32(truncatingIfNeeded: t[2 * slot + 1]) }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    @inlinable @inline(__always)
    static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool { lhs.keys == rhs.keys }
}
