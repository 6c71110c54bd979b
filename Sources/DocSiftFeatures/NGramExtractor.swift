import DocSiftText

/// Cuts text into character n-gram keys.
///
/// Text is normalized on the fly (full-width to half-width, ASCII lower-cased, digits
/// folded when the options say so). Letters, digits and CJK ideographs are token
/// characters; punctuation, symbols and white space end a run, and no n-gram spans two runs.
public struct NGramExtractor: Sendable {
    /// The n-gram lengths and folding rules.
    public let options: NGramOptions
    /// Per-character decisions for these options (the shared table, built on first use).
    @usableFromInline var characters: CharacterTable {
        CharacterTable.shared(foldsDigits: options.foldsDigits, includesPunctuation: options.includesPunctuation)
    }

    /// An extractor with the given options.
    public init(options: NGramOptions = NGramOptions()) {
        self.options = options
    }

    /// Calls `body` with the key of every n-gram in `text`, in text order (the same
    /// n-gram once per occurrence).
    @inlinable
    public func forEachKey(in text: String, _ body: (UInt64) -> Void) {
        let minLength = options.minLength
        if options.maxLength <= 3 {
            var window = NGramWindow(options: options)
            characters.forEachEntry(in: text) { entry in
                let longest = window.advance(entry)
                var n = minLength
                while n <= longest {
                    body(window.key(length: n))
                    n &+= 1
                }
            }
            return
        }
        var cutter = NGramCutter(options: options)
        characters.forEachEntry(in: text) { entry in
            let longest = cutter.advance(entry)
            var n = minLength
            while n <= longest {
                body(cutter.key(length: n))
                n &+= 1
            }
        }
    }

    /// Calls `body(key, length, end)` for every n-gram occurrence in `scalars`: its key, its
    /// length in characters, and the offset just past its last character. Occurrences come
    /// in order of their end, the shortest first; the keys are those of ``forEachKey(in:_:)``.
    /// (Hot loops drive the package's n-gram cutter themselves.)
    @inlinable
    public func forEachOccurrence<S: Sequence>(in scalars: S, _ body: (_ key: UInt64, _ length: Int, _ end: Int) -> Void)
    where S.Element == Unicode.Scalar {
        var cutter = NGramCutter(options: options)
        var end = 0
        for scalar in scalars {
            end &+= 1
            let longest = cutter.advance(entry(of: scalar))
            var n = options.minLength
            while n <= longest {
                body(cutter.key(length: n), n, end)
                n &+= 1
            }
        }
    }

    /// What the kernel makes of `scalar` under these options (see ``CharacterTable``).
    /// Without punctuation the classification is computed directly, so that cutting a few
    /// short texts does not build the 256 KB table first.
    @inlinable @inline(__always)
    package func entry(of scalar: Unicode.Scalar) -> UInt32 {
        if options.includesPunctuation { return characters.entry(scalar.value) }
        return NGramExtractor.tokenValue(scalar, foldsDigits: options.foldsDigits) ?? CharacterTable.notAToken
    }

    /// Every n-gram key of `text`, in text order.
    public func keys(in text: String) -> [UInt64] {
        var keys: [UInt64] = []
        forEachKey(in: text) { keys.append($0) }
        return keys
    }

    /// The normalized scalar value of a token character, or `nil` for a separator. ASCII
    /// and CJK ideographs are decided inline; everything else asks the Unicode properties.
    @inlinable @inline(__always)
    public static func tokenValue(_ scalar: Unicode.Scalar, foldsDigits: Bool) -> UInt32? {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return v }
            if v >= 0x30 && v <= 0x39 { return foldsDigits ? 0x30 : v }
            if v >= 0x41 && v <= 0x5A { return v + 0x20 }
            return nil
        }
        if v >= 0x4E00 && v <= 0x9FFF { return v }
        return otherTokenValue(v, foldsDigits: foldsDigits)
    }

    /// With ``NGramOptions/includesPunctuation``: the value of a punctuation or symbol
    /// character (full-width forms folded to half-width), 0x20 for the first white-space
    /// character of a run, or `nil` for white space right after a space or a control character.
    @usableFromInline
    static func separatorValue(_ scalar: Unicode.Scalar, afterSpace: Bool) -> UInt32? {
        if scalar.properties.isWhitespace { return afterSpace ? nil : 0x20 }
        let v = TextNormalizer.halfWidth(scalar).value
        return v < 0x20 || v == 0x7F ? nil : v
    }

    /// ``tokenValue(_:foldsDigits:)`` for scalars outside ASCII and the main CJK block.
    @usableFromInline
    static func otherTokenValue(_ value: UInt32, foldsDigits: Bool) -> UInt32? {
        var v = value
        if v >= 0xFF01 && v <= 0xFF5E {  // full-width ASCII
            v -= 0xFEE0
            guard let ascii = Unicode.Scalar(v) else { return nil }
            return tokenValue(ascii, foldsDigits: foldsDigits)
        }
        if v >= 0x3400 && v <= 0x4DBF { return v }  // CJK extension A
        if v >= 0x3000 && v <= 0x303F { return nil }  // CJK punctuation
        if v >= 0xFF00 && v <= 0xFFEF { return nil }  // remaining full-width forms
        guard let s = Unicode.Scalar(v) else { return nil }
        let properties = s.properties
        if properties.isAlphabetic {
            return properties.isUppercase ? (properties.lowercaseMapping.unicodeScalars.first?.value ?? v) : v
        }
        if properties.numericType != nil { return foldsDigits ? 0x30 : v }
        return nil
    }
}
