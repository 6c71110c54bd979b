import DocSiftText

/// What n-gram extraction makes of each character, precomputed for the Basic Multilingual
/// Plane under one set of options: one table load per character instead of range tests and
/// Unicode property queries.
///
/// An entry is the character's normalized value (what ``NGramExtractor/tokenValue(_:foldsDigits:)``
/// or, with punctuation, ``NGramExtractor/separatorValue(_:afterSpace:)`` return), ``whitespace``
/// for white space when punctuation is kept, or ``notAToken`` for a character that ends a run
/// (without punctuation) or is skipped (with punctuation: control characters). Characters
/// beyond the BMP are classified by the same functions at run time.
@usableFromInline
package final class CharacterTable: @unchecked Sendable {
    /// White space, with punctuation kept: one space per run of white space.
    @usableFromInline package static let whitespace: UInt32 = 0xFFFF_FFFF
    /// Not part of any n-gram.
    @usableFromInline package static let notAToken: UInt32 = 0

    @usableFromInline let entries: UnsafeMutablePointer<UInt32>
    @usableFromInline let foldsDigits: Bool
    @usableFromInline let includesPunctuation: Bool

    private init(foldsDigits: Bool, includesPunctuation: Bool) {
        self.foldsDigits = foldsDigits
        self.includesPunctuation = includesPunctuation
        entries = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        for value in 0..<UInt32(0x10000) {
            entries[Int(value)] = Unicode.Scalar(value).map {
                CharacterTable.classify($0, foldsDigits: foldsDigits, includesPunctuation: includesPunctuation)
            } ?? CharacterTable.notAToken
        }
    }

    deinit { entries.deallocate() }

    /// The entry of any scalar, computed from the Unicode properties.
    @usableFromInline
    static func classify(_ scalar: Unicode.Scalar, foldsDigits: Bool, includesPunctuation: Bool) -> UInt32 {
        if let token = NGramExtractor.tokenValue(scalar, foldsDigits: foldsDigits) { return token }
        guard includesPunctuation else { return notAToken }
        // With punctuation a separator is a character too; white space after white space and
        // control characters are skipped.
        if scalar.properties.isWhitespace { return whitespace }
        return NGramExtractor.separatorValue(scalar, afterSpace: false) ?? notAToken
    }

    /// The entry of the scalar with value `value` (a valid scalar value).
    @inlinable @inline(__always)
    func entry(_ value: UInt32) -> UInt32 {
        // CJK unified ideographs, most characters of Chinese text, are their own entry:
        // decided without a load from the 256 KB table.
        if value &- 0x4E00 <= 0x9FFF - 0x4E00 { return value }
        if value < 0x10000 { return entries[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return CharacterTable.notAToken }
        return CharacterTable.classify(scalar, foldsDigits: foldsDigits, includesPunctuation: includesPunctuation)
    }

    private static let plain = CharacterTable(foldsDigits: false, includesPunctuation: false)
    private static let folded = CharacterTable(foldsDigits: true, includesPunctuation: false)
    private static let plainWithPunctuation = CharacterTable(foldsDigits: false, includesPunctuation: true)
    private static let foldedWithPunctuation = CharacterTable(foldsDigits: true, includesPunctuation: true)

    /// The shared table for a combination of options (built once per process, on first use).
    package static func shared(foldsDigits: Bool, includesPunctuation: Bool) -> CharacterTable {
        switch (foldsDigits, includesPunctuation) {
        case (false, false): plain
        case (true, false): folded
        case (false, true): plainWithPunctuation
        case (true, true): foldedWithPunctuation
        }
    }

    /// Calls `body` with the entry of every character of `text`, in order.
    @inlinable @inline(__always)
    func forEachEntry(in text: String, _ body: (UInt32) -> Void) {
        ScalarText.forEachScalarValue(in: text) { body(entry($0)) }
    }
}
