/// The n-gram kernel: the one place where a stream of character entries (see
/// ``CharacterTable``) becomes n-gram occurrences. ``NGramExtractor`` feeds it from a
/// `String` (counting for the classifier) or from scalars (the summarizer and keywords,
/// which drive it in their own loops).
///
/// ``advance(_:)`` takes the next character's entry and returns the length of the longest
/// n-gram ending at it; every length from `minLength` up to that ends there, and
/// ``key(length:)`` gives each one's key. Runs of characters end at a separator (without
/// punctuation) and never span it; with punctuation only control characters are skipped
/// and a run of white space counts as one space. Lengths are valid by construction
/// (``NGramOptions`` checks `1 ≤ minLength ≤ maxLength ≤ 255`), so every key is non-zero.
@usableFromInline
package struct NGramCutter {
    /// The run and the packed keys of its last three characters.
    @usableFromInline var window: NGramWindow
    @usableFromInline let maxLength: Int
    /// The current run's last characters, for n-grams longer than three (hashed keys).
    @usableFromInline var recent: [UInt32] = []

    @inlinable
    package init(options: NGramOptions) {
        window = NGramWindow(options: options)
        maxLength = options.maxLength
    }

    /// Ends the current run (the next character starts a new one).
    @inlinable @inline(__always)
    package mutating func endRun() { window.endRun() }

    /// Takes the next character's entry; returns the length of the longest n-gram ending at
    /// it (below `minLength` when none does: the character was skipped or ends the run, or
    /// the run is still shorter).
    @inlinable @inline(__always)
    package mutating func advance(_ entry: UInt32) -> Int {
        let longest = window.advance(entry)
        if maxLength <= 3 || longest == 0 { return longest }
        if window.run == 1 { recent.removeAll(keepingCapacity: true) }  // a new run
        // Keep at most 2 · maxLength characters: enough for every n-gram ending here.
        if recent.count >= 2 &* maxLength { recent.removeFirst(recent.count &- maxLength) }
        recent.append(window.lastValue)
        return longest
    }

    /// The key of the n-gram of `length` characters (`minLength`…the last ``advance(_:)``)
    /// ending at the last character: packed up to three characters, hashed
    /// (``NGramKey/key(of:)``) beyond.
    @inlinable @inline(__always)
    package func key(length: Int) -> UInt64 {
        if length <= 3 { return window.key(length: length) }
        let end = recent.count
        return NGramKey.key(of: recent[(end &- length)..<end])
    }
}

/// The part of ``NGramCutter`` that n-grams of up to three characters need: the run
/// length and the packed key of its last three characters. A plain value, so that the
/// counting loop keeps it in registers.
@usableFromInline
package struct NGramWindow {
    @usableFromInline let minLength: Int
    @usableFromInline let maxLength: Int
    @usableFromInline let punctuation: Bool
    /// The low `21 · min(maxLength, 3)` bits (63 for three characters).
    @usableFromInline let windowMask: UInt64
    /// The packed key of the last `min(run, 3)` characters.
    @usableFromInline var packed: UInt64 = 0
    /// Characters in the current run.
    @usableFromInline var run = 0
    @usableFromInline var lastWasSpace = false

    @inlinable
    package init(options: NGramOptions) {
        minLength = options.minLength
        maxLength = options.maxLength
        punctuation = options.includesPunctuation
        let slots = UInt64(min(3, maxLength))
        windowMask = slots == 3 ? (1 << 63) - 1 : (1 << (21 * slots)) - 1
    }

    /// The value of the last character taken.
    @inlinable
    var lastValue: UInt32 { UInt32(truncatingIfNeeded: packed & 0x1F_FFFF) }

    /// Ends the current run.
    @inlinable @inline(__always)
    package mutating func endRun() {
        run = 0
        packed = 0
        lastWasSpace = false
    }

    /// ``NGramCutter/advance(_:)`` for n-grams of up to three characters.
    @inlinable @inline(__always)
    package mutating func advance(_ entry: UInt32) -> Int {
        var value = entry
        if value == CharacterTable.notAToken {
            // With punctuation only control characters land here: skipped.
            if !punctuation {
                run = 0
                packed = 0
            }
            return 0
        }
        if value == CharacterTable.whitespace {
            if lastWasSpace { return 0 }
            value = 0x20
        }
        lastWasSpace = value == 0x20
        packed = ((packed &<< 21) | UInt64(value)) & windowMask
        run &+= 1
        return min(run, maxLength)
    }

    /// The packed key of the last `length` (≤ 3) characters.
    @inlinable @inline(__always)
    package func key(length: Int) -> UInt64 {
        length == 3 ? packed : packed & ((1 &<< UInt64(21 &* length)) &- 1)
    }
}
