/// Character classes shared by reflow, sentence splitting, page splitting and the summarizer:
/// every set of marks is defined here once. The summarizer's clause sets
/// (``isClauseBreak(_:)``, ``isClauseEnd(_:)``, ``nesting(_:)``) are kept apart from the
/// sentence ones (``isFullStop(_:)``, ``isCloser(_:)``, ``isOpener(_:)``): merging them
/// would change where summaries cut.
package enum CharacterClasses {
    /// Spaces, tabs, line breaks and the other Unicode white space.
    @inline(__always)
    package static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        return v == 0xA0 || v == 0x3000 || (0x2000...0x200A).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x1680 || v == 0x85
    }

    /// ASCII letters.
    @inline(__always)
    package static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    /// ASCII and full-width digits.
    @inline(__always)
    package static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
    }

    /// Han ideographs (the CJK blocks news text uses).
    @inline(__always)
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }

    /// Han ideographs and full-width CJK punctuation: the "CJK context" of ASCII marks.
    @inline(__always)
    static func isCJKContext(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return isHan(s) || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v)
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x2026
    }

    /// Marks that always end a Chinese sentence.
    @inline(__always)
    package static func isFullStop(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF61: return true  // 。！？；｡
        case 0x2026, 0x22EF: return true  // … ⋯
        default: return false
        }
    }

    /// Closing quotes and brackets that stay on the sentence they close.
    @inline(__always)
    package static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x3015, 0x3009, 0x22, 0x27, 0xFE42, 0xFE44:
            return true  // ” ’ 」 』 ） ) 》 】 〕 〉 " ' ﹂ ﹄
        default: return false
        }
    }

    /// Opening quotes and brackets.
    @inline(__always)
    package static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0x28, 0x300A, 0x3010, 0x3014, 0x3008, 0xFE41, 0xFE43:
            return true
        default: return false
        }
    }

    /// The marks a clause window may start after and a gist trims: ，、；：,;: and the
    /// sentence ends 。！？!? (the summarizer's clause boundaries).
    @inline(__always)
    package static func isClauseBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0x2C, 0x3B, 0x3A, 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F: return true
        default: return false
        }
    }

    /// ``isClauseBreak(_:)`` and the marks a clause window never starts on: ”）)…
    @inline(__always)
    package static func isWindowBreak(_ c: Unicode.Scalar) -> Bool {
        isClauseBreak(c) || c == "”" || c == "）" || c == ")" || c == "…"
    }

    /// Commas, semicolons and colons (not 、, which joins list items): where a sentence's
    /// leading clauses may be cut.
    @inline(__always)
    package static func isClauseEnd(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xFF0C, 0xFF1B, 0xFF1A, 0x2C, 0x3B, 0x3A: return true  // ，；：,;:
        default: return false
        }
    }

    /// +1 for an opening quote or bracket, -1 for a closing one, else 0: the pairs
    /// “” ‘’ （） () 《》 「」 『』 【】 [] that clause cuts stay outside of.
    @inline(__always)
    package static func nesting(_ c: Unicode.Scalar) -> Int {
        switch c.value {
        case 0x201C, 0x2018, 0xFF08, 0x28, 0x300A, 0x300C, 0x300E, 0x3010, 0x5B: return 1  // “‘（(《「『【[
        case 0x201D, 0x2019, 0xFF09, 0x29, 0x300B, 0x300D, 0x300F, 0x3011, 0x5D: return -1  // ”’）)》」』】]
        default: return 0
        }
    }

    /// Characters a sentence cannot start with: they only continue one.
    @inline(__always)
    static func isContinuationOnly(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF0C, 0x3001, 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x2026, 0x22EF,  // ，、。！？；：…⋯
             0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x300B, 0x3011, 0x3015, 0x3009,  // closers
             0x2C, 0x3B, 0x3A, 0x29, 0x3F, 0x21, 0x2E:  // , ; : ) ? ! .
            return true
        default: return false
        }
    }

    /// Whether `scalars` ends a sentence: a full stop (or ASCII ?!; after CJK), optionally
    /// followed by closing quotes/brackets and spaces.
    static func endsSentence(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = scalars.endIndex
        while index > scalars.startIndex, scalars[index - 1] == " " { index -= 1 }
        while index > scalars.startIndex, isCloser(scalars[index - 1]) { index -= 1 }
        guard index > scalars.startIndex else { return false }
        let last = scalars[index - 1]
        if isFullStop(last) { return true }
        if last == "?" || last == "!" || last == ";" || last == "." {
            // ASCII marks count after CJK text (or after another mark, as in "?!").
            var back = index - 1
            while back > scalars.startIndex, ["?", "!", ";", "."].contains(scalars[back - 1]) { back -= 1 }
            guard back > scalars.startIndex else { return false }
            let before = scalars[back - 1]
            return isCJKContext(before) || isCloser(before)
        }
        return false
    }

    /// Display width in em: CJK and full-width characters count 1, ASCII and other
    /// narrow characters 0.5.
    static func width(_ scalars: [Unicode.Scalar]) -> Double {
        var total = 0.0
        for s in scalars {
            let v = s.value
            if (v < 0x1100 && !(0x2010...0x206F).contains(v)) || (0xFF61...0xFFDC).contains(v) {
                total += 0.5
            } else {
                total += 1
            }
        }
        return total
    }
}
