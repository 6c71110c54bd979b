import DocSiftText
/// The LEAD baselines exactly as the peers' harness computes them: the raw text split at
/// 。！？；…!?; and newlines (closing quotes kept), then whole sentences in order while they
/// fit the budget (if the first does not fit, it is cut to the budget); or LEAD-chars, the
/// first budget characters of those sentences, cut mid-sentence.
public enum LeadBaseline {
    /// The LEAD summary of `text` in at most `maxCharacters` characters.
    public static func summary(of text: String, maxCharacters: Int) -> String {
        let sentences = harnessSentences(of: text)
        var chosen: [String] = []
        var total = 0
        for sentence in sentences {
            let length = sentence.unicodeScalars.count
            guard total + length <= maxCharacters else { break }
            chosen.append(sentence)
            total += length
        }
        if chosen.isEmpty, let first = sentences.first {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: first.unicodeScalars.prefix(max(0, maxCharacters)))
            return String(view)
        }
        return chosen.joined()
    }

    /// The harness's LEAD-chars baseline: the first `maxCharacters` characters of the
    /// harness's sentences joined (line breaks and the spaces around sentences dropped),
    /// cut mid-sentence.
    public static func characterSummary(of text: String, maxCharacters: Int) -> String {
        var view = String.UnicodeScalarView()
        var left = max(0, maxCharacters)
        for sentence in harnessSentences(of: text) where left > 0 {
            let piece = sentence.unicodeScalars.prefix(left)
            view.append(contentsOf: piece)
            left -= piece.count
        }
        return String(view)
    }

    /// The harness's sentence split (its `split_sentences`).
    public static func harnessSentences(of text: String) -> [String] {
        let enders: Set<Unicode.Scalar> = ["。", "！", "？", "；", "…", "!", "?", ";"]
        let closers: Set<Unicode.Scalar> = ["”", "’", "\"", "'", "」", "』", "）", ")", "]", "】", "》"]
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var buffer = String.UnicodeScalarView()
        func flush() {
            let s = String(buffer).trimmingPythonWhitespace()
            if !s.isEmpty { sentences.append(s) }
            buffer = String.UnicodeScalarView()
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if c == "\r" || c == "\n" {
                flush()
                continue
            }
            buffer.append(c)
            if enders.contains(c) {
                while i < scalars.count, enders.contains(scalars[i]) { buffer.append(scalars[i]); i += 1 }
                while i < scalars.count, closers.contains(scalars[i]) { buffer.append(scalars[i]); i += 1 }
                flush()
            }
        }
        flush()
        return sentences
    }
}

extension String {
    func trimmingPythonWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, CharacterClasses.isSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, CharacterClasses.isSpace(l) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
