import DocSiftText

/// Where a clause-window gist ends. A window that stops at the end of a body sentence is
/// whole. Any other window is a cut, and a cut is always marked: it ends with "…" (counted
/// in the budget), never inside a number or unit (5.6 of 5.6万元), a Latin word or a
/// bracket; a quotation, title or bracket it leaves open is closed after the mark (“…”).
enum GistEnd {
    /// The mark that ends a cut window.
    static let mark: Unicode.Scalar = "…"

    /// The gist's part of `scalars[start..<end]` and what follows it: nothing when it ends a
    /// sentence (its final punctuation kept), else the mark and the closing marks of the
    /// quotations it leaves open. At most `limit` scalars in all; an empty range when not
    /// even one character and the mark fit.
    static func cut(_ scalars: [Unicode.Scalar], start: Int, end: Int, limit: Int,
                    endsSentence: (Int) -> Bool) -> (range: Range<Int>, suffix: [Unicode.Scalar]) {
        var start = min(start, end)
        while start < end, isSeparator(scalars[start]) { start += 1 }
        var end = min(end, start + max(0, limit))
        // A whole sentence (or the end of the body) keeps its final punctuation; the window
        // is one short of the budget (for the mark), so a sentence ending one later fits too.
        for candidate in [min(start + max(0, limit), scalars.count), end] where endsSentence(candidate) {
            var whole = candidate
            while whole > start, CharacterClasses.isSpace(scalars[whole - 1]) { whole -= 1 }
            if whole > start, openers(in: scalars[start..<whole]).isEmpty { return (start..<whole, []) }
        }
        guard limit >= 2 else { return (start..<start, []) }
        // A cut: room for the mark and for the closing mark of each quotation left open.
        var closers: [Unicode.Scalar] = []
        while true {
            end = cutPoint(scalars, start: start, end: min(end, start + limit - 1 - closers.count))
            // Quotations, titles and brackets left open are closed after the mark (“…”, 《…》).
            let open = openers(in: scalars[start..<end])
            let needed = open.reversed().compactMap { closer(of: scalars[$0]) }
            let fits = end - start + 1 + needed.count <= limit
            closers = needed
            if fits || end <= start { break }
        }
        guard end > start else { return (start..<start, []) }
        return (start..<end, [mark] + closers)
    }

    /// `end` moved back until the text before it ends neither inside a number (with its
    /// decimal point, per-cent sign or following unit), nor inside a Latin word, nor on a
    /// separator, an opening mark or a verb-less dangling joiner.
    static func cutPoint(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var end = max(start, end)
        if end < scalars.count, end > start, isInsideToken(scalars, at: end) {
            // Back over the whole token: digits, letters, their joiners, and magnitudes.
            while end > start, isTokenPart(scalars[end - 1]) { end -= 1 }
        }
        while end > start, isSeparator(scalars[end - 1]) || CharacterClasses.isOpener(scalars[end - 1]) { end -= 1 }
        return end
    }

    /// Whether a cut before `scalars[p]` splits a number, a number and its unit, or a word.
    static func isInsideToken(_ scalars: [Unicode.Scalar], at p: Int) -> Bool {
        let before = scalars[p - 1], after = scalars[p]
        if CharacterClasses.isDigit(before) || (isMagnitude(before) && p >= 2 && CharacterClasses.isDigit(scalars[p - 2])) {
            // 5.|6, 5.6|万元, 5.6万|元 continue the amount; 2014|年, 30|岁 end a whole number.
            return isDigitOrLetter(after) || isMagnitude(after) || after == "元" || after == "%" || after == "％"
                || (isNumberJoiner(after) && p + 1 < scalars.count && CharacterClasses.isDigit(scalars[p + 1]))
        }
        if isDigitOrLetter(before) {  // iPh|one, G2|0; a word before Han text is whole
            return isDigitOrLetter(after)
                || (isNumberJoiner(after) && p + 1 < scalars.count && isDigitOrLetter(scalars[p + 1]))
        }
        if isNumberJoiner(before) {  // 5.|6
            return p >= 2 && isDigitOrLetter(scalars[p - 2]) && isDigitOrLetter(after)
        }
        return false
    }

    /// Digits and Latin letters (ASCII and full width).
    static func isDigitOrLetter(_ c: Unicode.Scalar) -> Bool {
        CharacterClasses.isDigit(c) || CharacterClasses.isASCIILetter(c)
            || (0xFF21...0xFF3A).contains(c.value) || (0xFF41...0xFF5A).contains(c.value)
    }

    /// Marks inside a number: decimal points, thousands separators, per cent, degrees.
    static func isNumberJoiner(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "．", ",", "%", "％", "‰", "°", "·", "-", "/", ":": return true
        default: return false
        }
    }

    /// Chinese magnitudes that follow digits (5.6万, 3亿).
    static func isMagnitude(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "十", "百", "千", "万", "亿", "兆": return true
        default: return false
        }
    }

    /// Characters a number or Latin word is made of.
    static func isTokenPart(_ c: Unicode.Scalar) -> Bool {
        isDigitOrLetter(c) || isNumberJoiner(c) || isMagnitude(c)
    }

    /// White space and the punctuation that ends a clause or sentence.
    static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        CharacterClasses.isSpace(c) || CharacterClasses.isClauseBreak(c) || c == "…" || c == "—"
    }

    /// The closing mark of an opener.
    static func closer(of c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "“": "”"
        case "‘": "’"
        case "「": "」"
        case "『": "』"
        case "\"": "\""
        case "（": "）"
        case "(": ")"
        case "《": "》"
        case "〈": "〉"
        case "【": "】"
        case "〔": "〕"
        default: nil
        }
    }

    /// Offsets of the openers `text` leaves open, outermost first (a closer with no opener
    /// in the text — the window started inside a quotation — is ignored).
    static func openers(in text: ArraySlice<Unicode.Scalar>) -> [Int] {
        var stack: [Int] = []
        for i in text.indices {
            let c = text[i]
            if c == "\"" {
                if let last = stack.last, text[last] == "\"" { stack.removeLast() } else { stack.append(i) }
            } else if closer(of: c) != nil {
                stack.append(i)
            } else if CharacterClasses.isCloser(c) {
                if let last = stack.last, closer(of: text[last]) == c { stack.removeLast() }
            }
        }
        return stack
    }


    /// `piece` split before a closing mark: the text, and the mark with the quotation
    /// marks after it (empty when `piece` does not end in the mark).
    static func splitMark(_ piece: String) -> (body: String, mark: String) {
        let scalars = Array(piece.unicodeScalars)
        var end = scalars.count
        while end > 0, CharacterClasses.isCloser(scalars[end - 1]) { end -= 1 }
        guard end > 0, scalars[end - 1] == mark else { return (piece, "") }
        return (ScalarText.string(scalars[..<(end - 1)]), ScalarText.string(scalars[(end - 1)...]))
    }
}
