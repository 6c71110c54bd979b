/// Splits Chinese paragraphs into sentences.
///
/// A sentence ends at 。！？；… (a run such as `？！` or `……` counts once), at ASCII `?`
/// `!` `;` written after CJK text, and at `.` after CJK text when no digit follows; closing
/// quotes and brackets after the mark stay on the sentence (`。”`, `！）`). Decimal points
/// (`5.6万`, `16.51%`) never end a sentence. A short attribution after a closed quotation
/// (`“……。”他说。`) stays with the quotation.
public enum SentenceSplitter {
    /// The sentences of one paragraph, each with its closing punctuation, trimmed of spaces;
    /// line breaks inside the paragraph are removed (newlines never appear in a sentence).
    public static func sentences(in paragraph: String) -> [String] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(paragraph.unicodeScalars.count)
        for s in paragraph.unicodeScalars where s != "\n" && s != "\r" { scalars.append(s) }
        return ranges(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    /// Sentence ranges (trimmed, non-empty) in `scalars`.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var cuts: [Int] = []
        var index = 0
        let count = scalars.count
        while index < count {
            if isBoundaryMark(scalars, at: index) {
                var end = index + 1
                while end < count, isBoundaryMark(scalars, at: end) || scalars[end] == "." && isMarkRun(scalars, end) {
                    end += 1
                }
                while end < count, CharacterClasses.isCloser(scalars[end]) { end += 1 }
                cuts.append(end)
                index = end
            } else {
                index += 1
            }
        }
        if cuts.last != count { cuts.append(count) }
        var result: [Range<Int>] = []
        var start = 0
        for cut in cuts {
            var lower = start
            var upper = cut
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper {
                if let previous = result.last, isAttribution(scalars, previous: previous, next: lower..<upper) {
                    result[result.count - 1] = previous.lowerBound..<upper
                } else {
                    result.append(lower..<upper)
                }
            }
            start = cut
        }
        return result
    }

    /// Whether the scalar at `index` ends a sentence (before any closing quotes).
    @inline(__always)
    static func isBoundaryMark(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let s = scalars[index]
        if CharacterClasses.isFullStop(s) { return true }
        guard s == "?" || s == "!" || s == ";" || s == "." else { return false }
        // ASCII marks end a sentence in CJK context only.
        var back = index
        while back > 0, ["?", "!", ";", "."].contains(scalars[back - 1]) { back -= 1 }
        guard back > 0 else { return false }
        let before = scalars[back - 1]
        guard CharacterClasses.isCJKContext(before) || CharacterClasses.isCloser(before) && before != ")" else {
            return false
        }
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        if s == "." {
            // "。" typed as "." only when nothing number-like or word-like follows.
            if next.properties.numericType != nil || (next.isASCII && next.properties.isAlphabetic) { return false }
        }
        return true
    }

    /// Whether a "." continues a run of sentence marks ("?.." or "。..") rather than a number.
    private static func isMarkRun(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index + 1 >= scalars.count || !(scalars[index + 1].properties.numericType != nil)
    }

    /// A short attribution after a closed quotation, such as `张玉霞说。` after `…。”`.
    private static func isAttribution(_ scalars: [Unicode.Scalar], previous: Range<Int>, next: Range<Int>) -> Bool {
        guard previous.count >= 2, next.count <= 24,
              scalars[previous.upperBound - 1] == "\u{201D}" else { return false }
        // The attribution ends with a speech verb and a full stop, and holds no other quotation.
        let index = next.upperBound - 1
        guard scalars[index] == "。", index > next.lowerBound else { return false }
        for i in next.lowerBound..<index where scalars[i] == "\u{201C}" || scalars[i] == "，" || scalars[i] == "," {
            return false
        }
        let verb = scalars[index - 1]
        return verb == "说" || verb == "道" || verb == "示" || verb == "绍" || verb == "称" || verb == "调"
            || verb == "出" || verb == "言" || verb == "叹"
    }
}
