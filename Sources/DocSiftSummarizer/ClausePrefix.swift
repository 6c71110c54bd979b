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
        guard limit > 0 else { return nil }
        // Closing marks without an opening one: the sentence starts inside a quotation.
        var depth = 0, lowest = 0
        for scalar in sentence {
            depth += nesting(scalar)
            lowest = min(lowest, depth)
        }
        depth = -lowest
        var tokens = 0, offset = 0
        var best: Int?
        for index in sentence.indices {
            let scalar = sentence[index]
            offset += 1
            if offset > limit || offset >= sentence.count { break }
            depth += nesting(scalar)
            if isClauseEnd(scalar) {
                if depth == 0 && tokens >= minimum && !endsWithSaying(sentence[sentence.startIndex..<index]) {
                    best = offset
                }
            } else if BodySentences.isToken(scalar) {
                tokens += 1
            }
        }
        return best
    }

    /// Commas, semicolons and colons (not 、, which joins list items).
    @inline(__always)
    static func isClauseEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "；", "：", ",", ";", ":": return true
        default: return false
        }
    }

    /// +1 for an opening quote or bracket, -1 for a closing one, else 0.
    @inline(__always)
    static func nesting(_ scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case "“", "‘", "（", "(", "《", "「", "『", "【", "[": return 1
        case "”", "’", "）", ")", "》", "」", "』", "】", "]": return -1
        default: return 0
        }
    }

    /// Verbs of saying a clause may end with before what is said.
    static let sayingVerbs = ["说", "说道", "问道", "写道", "称", "表示", "指出", "认为", "强调", "介绍", "透露", "坦言", "提到"]
        .map { Array($0.unicodeScalars) }

    /// Whether `text` ends with a verb of saying (not the 来说 of 对于…来说).
    static func endsWithSaying(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard sayingVerbs.contains(where: { text.count >= $0.count && text.suffix($0.count).elementsEqual($0) }) else {
            return false
        }
        return !(text.count >= 2 && text.suffix(2).elementsEqual("来说".unicodeScalars))
    }
}
