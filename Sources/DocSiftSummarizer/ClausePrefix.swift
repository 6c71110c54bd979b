import DocSiftText

/// The leading clauses of a sentence: the longest prefix that ends just after a comma,
/// semicolon or colon outside quotes and brackets and fits a character limit. Used to
/// fill the characters whole sentences leave over.
///
/// A prefix never ends after a verb of saying (…说， …表示：): what it introduces is the
/// point. A sentence that closes a quotation opened in an earlier sentence is inside the
/// quotation up to its closing mark.
enum ClausePrefix {
    /// Length of the longest clause prefix of `sentence` with at most `limit` characters
    /// and at least `minimum` letters or digits, or `nil` when there is none. A prefix never
    /// covers the whole sentence (that would be the sentence itself).
    static func length(of sentence: ArraySlice<Unicode.Scalar>, limit: Int, minimum: Int) -> Int? {
        cuts(of: sentence, minimum: minimum, limit: limit).last
    }

    /// The longest of `cuts` (ascending, from ``cuts(of:minimum:limit:)``) that is at most `limit`.
    static func longest(in cuts: [Int], limit: Int) -> Int? {
        var best: Int?
        for cut in cuts {
            if cut > limit { break }
            best = cut
        }
        return best
    }

    /// Every clause prefix length of `sentence` up to `limit` with at least `minimum`
    /// letters or digits, ascending (for smaller limits, ask ``longest(in:limit:)``).
    static func cuts(of sentence: ArraySlice<Unicode.Scalar>, minimum: Int, limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        var depth = 0, tokens = 0, offset = 0
        var cuts: [Int] = []
        for index in sentence.indices {
            let scalar = sentence[index]
            offset += 1
            if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {  // the common case: an ideograph
                tokens += 1
                continue
            }
            depth += CharacterClasses.nesting(scalar)
            if depth < 0 {
                // A closing mark without an opening one: the sentence started inside a quotation.
                cuts.removeAll()
                depth = 0
            } else if offset <= limit && offset < sentence.count && CharacterClasses.isClauseEnd(scalar) {
                if depth == 0 && tokens >= minimum && !endsWithSaying(sentence[sentence.startIndex..<index]) {
                    cuts.append(offset)
                }
            } else if BodySentences.isToken(scalar) {
                tokens += 1
            }
        }
        return cuts
    }

    /// Verbs of saying a clause may end with before what is said.
    static let sayingVerbs = ["说", "说道", "问道", "写道", "称", "表示", "指出", "认为", "强调", "介绍", "透露", "坦言", "提到"]
        .map { Array($0.unicodeScalars) }

    /// The last characters of ``sayingVerbs``.
    static let sayingEnds = Set(sayingVerbs.compactMap(\.last))

    /// Whether `text` ends with a verb of saying (not the 来说 of 对于…来说).
    static func endsWithSaying(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = text.last, sayingEnds.contains(last) else { return false }
        guard sayingVerbs.contains(where: { text.count >= $0.count && text.suffix($0.count).elementsEqual($0) }) else {
            return false
        }
        return !(text.count >= 2 && text[text.endIndex - 2] == "来" && last == "说")
    }
}
