/// The n-gram kernel: the one place where a stream of character entries (see
/// ``CharacterTable``) becomes n-gram occurrences. ``NGramExtractor`` feeds it from a
/// `String` (counting for the classifier) or from scalars (the summarizer and keywords,
/// which drive it in their own loops).
///
/// ``advance(_:)`` takes the next character's entry and returns the longest n-gram ending
/// at it (0 when none does); every length from `minLength` up to that ends there, and
/// ``key(length:)`` gives each one's key. Runs of characters end at a separator (without
/// punctuation) and never span it; with punctuation only control characters are skipped
/// and a run of white space counts as one space. Lengths are valid by construction
/// (``NGramOptions`` checks `1 ≤ minLength ≤ maxLength ≤ 255`), so every key is non-zero.
@usableFromInline
package struct NGramCutter {
    @usableFromInline let minLength: Int
    @usableFromInline let maxLength: Int
    @usableFromInline let punctuation: Bool
    /// Whether every n-gram has at most three characters (keys packed from `window`).
    @usableFromInline let packedOnly: Bool
    /// The low `21 · min(maxLength, 3)` bits (63 for three characters).
    @usableFromInline let windowMask: UInt64
    /// The packed key of the last `min(run, 3)` characters.
    @usableFromInline var window: UInt64 = 0
    /// Characters in the current run.
    @usableFromInline var run = 0
    @usableFromInline var lastWasSpace = false
    /// The current run's last characters, for n-grams longer than three (hashed keys).
    @usableFromInline var recent: [UInt32] = []

    @inlinable
    package init(options: NGramOptions) {
        minLength = options.minLength
        maxLength = options.maxLength
        punctuation = options.includesPunctuation
        packedOnly = options.maxLength <= 3
        let packed = UInt64(min(3, maxLength))
        windowMask = packed == 3 ? (1 << 63) - 1 : (1 << (21 * packed)) - 1
    }

    /// Ends the current run (the next character starts a new one).
    @inlinable @inline(__always)
    package mutating func endRun() {
        run = 0
        window = 0
        lastWasSpace = false
    }

    /// Takes the next character's entry; returns the length of the longest n-gram ending at
    /// it, or 0 when none does (the character was skipped or ends the run, or the run is
    /// still shorter than `minLength`).
    @inlinable @inline(__always)
    package mutating func advance(_ entry: UInt32) -> Int {
        var value = entry
        if value == CharacterTable.notAToken {
            // With punctuation only control characters land here: skipped.
            if !punctuation {
                run = 0
                window = 0
            }
            return 0
        }
        if value == CharacterTable.whitespace {
            if lastWasSpace { return 0 }
            value = 0x20
        }
        lastWasSpace = value == 0x20
        window = ((window &<< 21) | UInt64(value)) & windowMask
        if !packedOnly {
            if run == 0 { recent.removeAll(keepingCapacity: true) }
            // Keep at most 2 · maxLength characters: enough for every n-gram ending here.
            if recent.count >= 2 &* maxLength { recent.removeFirst(recent.count &- maxLength) }
            recent.append(value)
        }
        run &+= 1
        let longest = min(run, maxLength)
        return longest >= minLength ? longest : 0
    }

    /// The key of the n-gram of `length` characters (`minLength`…the last ``advance(_:)``)
    /// ending at the last character.
    @inlinable @inline(__always)
    package func key(length: Int) -> UInt64 {
        if length <= 3 { return length == 3 ? window : window & ((1 &<< UInt64(21 &* length)) &- 1) }
        let end = recent.count
        return NGramKey.key(of: recent[(end &- length)..<end])
    }
}
