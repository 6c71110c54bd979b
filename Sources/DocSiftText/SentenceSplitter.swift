/// Splits Chinese paragraphs into sentences.
///
/// A sentence ends at 。！？；… (a run such as `？！` or `……` counts once), at ASCII `?`
/// `!` `;` written after CJK text, and at `.` after CJK text when no digit follows; closing
/// quotes and brackets after the mark stay on the sentence (`。”`, `！）`). Decimal points
/// (`5.6万`, `16.51%`) never end a sentence. A short attribution after a closed quotation
/// (`“……。”他说。`) stays with the quotation.
public enum SentenceSplitter: Sendable {
    /// The sentences of one paragraph, each with its closing punctuation, trimmed of spaces;
    /// line breaks inside the paragraph are removed (newlines never appear in a sentence).
    public static func sentences(in paragraph: String) -> [String] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(paragraph.utf8.count)
        for s in paragraph.unicodeScalars where s != "\n" && s != "\r" { scalars.append(s) }
        return ranges(in: scalars).map { ScalarText.string(scalars[$0]) }
    }

    /// Sentence ranges (trimmed, non-empty) in `scalars`. Linear time.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var cuts: [Int] = []
        var index = 0
        let count = scalars.count
        while index < count {
            let s = scalars[index]
            var isBoundary = false
            var end = index + 1
            if CharacterClasses.isFullStop(s) {
                isBoundary = true
            } else if isASCIIMark(s) {
                // A run of ASCII marks is judged once, by what stands around it.
                while end < count, isASCIIMark(scalars[end]) { end += 1 }
                isBoundary = asciiRunEndsSentence(scalars, from: index, to: end)
                if !isBoundary {
                    index = end
                    continue
                }
            }
            guard isBoundary else {
                index += 1
                continue
            }
            while end < count, CharacterClasses.isFullStop(scalars[end]) || isASCIIMark(scalars[end]) && scalars[end] != "." {
                end += 1
            }
            while end < count, CharacterClasses.isCloser(scalars[end]) { end += 1 }
            cuts.append(end)
            index = end
        }
        if cuts.last != count { cuts.append(count) }
        var result: [Range<Int>] = []
        var start = 0
        for cut in cuts {
            var lower = start
            var upper = cut
            while lower < upper, CharacterClasses.isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, CharacterClasses.isSpace(scalars[upper - 1]) { upper -= 1 }
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

    @inline(__always)
    private static func isASCIIMark(_ s: Unicode.Scalar) -> Bool {
        s == "?" || s == "!" || s == ";" || s == "."
    }

    /// Whether ASCII marks `scalars[from..<to]` end a sentence: they follow CJK text (or a
    /// closing quote), and a lone `.` is not a decimal point or part of a word or address.
    private static func asciiRunEndsSentence(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        guard from > 0 else { return false }
        let before = scalars[from - 1]
        guard CharacterClasses.isCJKContext(before) || CharacterClasses.isCloser(before) && before != ")" else {
            return false
        }
        let onlyDots = scalars[from..<to].allSatisfy { $0 == "." }
        if onlyDots {
            // "。" typed as "." only when nothing number-like or word-like follows; ".." is not a mark.
            guard to - from == 1 || to - from >= 3 else { return false }
            if to < scalars.count {
                let next = scalars[to]
                if CharacterClasses.isDigit(next) || CharacterClasses.isASCIILetter(next) { return false }
            }
        }
        return true
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
