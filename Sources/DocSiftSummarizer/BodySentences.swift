import DocSiftText

/// The body sentences a summary may use: the prepared document's sentences with a
/// leading copy of the title and datelines (本报讯（…）, …电（记者…）) cut off their start,
/// and byline- or caption-like sentences dropped.
struct BodySentences {
    /// The cleaned sentence texts.
    var texts: [String] = []
    /// The same, as Unicode scalars.
    var scalars: [[Unicode.Scalar]] = []
    /// Index of each in ``PreparedDocument/sentences``.
    var sourceIndices: [Int] = []

    init(document: PreparedDocument, title: String, maximumSentences: Int, maximumCharacters: Int) {
        var total = 0
        let titleTokens = Array(title.unicodeScalars).filter(BodySentences.isToken)
        for (offset, sentence) in document.sentences.enumerated() {
            if texts.count >= max(0, maximumSentences) || total >= max(0, maximumCharacters) { break }
            var scalars = ScalarText.scalars(of: sentence.text)
            let original = scalars.count
            BodySentences.trimWhitespace(&scalars)
            if offset < 3 { BodySentences.stripPrefix(titleTokens, from: &scalars) }
            BodySentences.stripDateline(&scalars)
            BodySentences.trimWhitespace(&scalars)
            guard BodySentences.isBody(scalars) else { continue }
            if total + scalars.count > maximumCharacters {
                scalars = Array(scalars.prefix(maximumCharacters - total))
            }
            if scalars.count == original {
                texts.append(sentence.text)
            } else {
                texts.append(ScalarText.string(scalars))
            }
            self.scalars.append(scalars)
            sourceIndices.append(offset)
            total += scalars.count
        }
    }

    /// Letters and digits.
    @inline(__always)
    static func isToken(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0x3000 && v <= 0x303F { return false }
        if v >= 0xFF01 && v <= 0xFF65 {  // full-width forms: digits and Latin letters are tokens
            return (v >= 0xFF10 && v <= 0xFF19) || (v >= 0xFF21 && v <= 0xFF3A) || (v >= 0xFF41 && v <= 0xFF5A)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Cuts a leading copy of the title (compared on letters and digits only) and the
    /// separators after it. Only a naive reflow leaves headings glued to the first sentence.
    static func stripPrefix(_ title: [Unicode.Scalar], from s: inout [Unicode.Scalar]) {
        guard title.count >= 4 else { return }
        var i = 0, matched = 0
        while i < s.count && matched < title.count {
            if isToken(s[i]) {
                guard s[i] == title[matched] else { return }
                matched += 1
            }
            i += 1
        }
        guard matched == title.count, i < s.count else { return }
        while i < s.count, !isToken(s[i]), s[i] != "“", s[i] != "（", s[i] != "(" { i += 1 }
        s.removeFirst(i)
    }

    static func firstIndex(of needle: [Unicode.Scalar], in s: [Unicode.Scalar], within limit: Int) -> Int? {
        guard !needle.isEmpty, s.count >= needle.count else { return nil }
        for i in 0...min(limit, s.count - needle.count) where s[i] == needle[0] {
            if s[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    static let nonBodyMarkers = ["责任编辑", "编辑：", "来源：", "作者：", "通讯员：", "记者：", "图为", "图片来源", "(图片", "（图片"]
        .map { Array($0.unicodeScalars) }
    static let dateline = Array("本报讯".unicodeScalars)
    static let reporter = Array("记者".unicodeScalars)

    static func trimWhitespace(_ s: inout [Unicode.Scalar]) {
        var start = 0
        while start < s.count, isWhitespace(s[start]) { start += 1 }
        if start > 0 { s.removeFirst(start) }
        while let l = s.last, isWhitespace(l) { s.removeLast() }
    }

    /// Unicode white space (``DocSiftText/CharacterClasses/isSpace(_:)``).
    @inline(__always)
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool { CharacterClasses.isSpace(c) }

    /// Removes a leading dateline: `本报讯（…）`, `本报讯：`, `…电（记者…）`, `（记者…）`.
    static func stripDateline(_ s: inout [Unicode.Scalar]) {
        func closing(from start: Int, limit: Int) -> Int? {
            guard start < s.count, s[start] == "（" || s[start] == "(" else { return nil }
            var i = start + 1
            while i < s.count && i - start <= limit {
                if s[i] == "）" || s[i] == ")" { return i }
                if s[i] == "。" || s[i] == "，" { return nil }
                i += 1
            }
            return nil
        }
        let prefix = dateline
        // Text before 本报讯 in the same sentence is heading material glued on by a naive reflow.
        if let at = firstIndex(of: prefix, in: s, within: 80), at > 0 { s.removeFirst(at) }
        if s.starts(with: prefix) {
            var cut = prefix.count
            if let close = closing(from: cut, limit: 40) { cut = close + 1 }
            while cut < s.count, s[cut] == "：" || s[cut] == ":" || s[cut] == " " || s[cut] == "　" { cut += 1 }
            s.removeFirst(cut)
            return
        }
        if let close = closing(from: 0, limit: 30), s[1...].starts(with: reporter) {
            s.removeFirst(close + 1)
            return
        }
        // 新华社北京11月1日电（记者 …） / 中新网11月1日电
        var i = 0
        while i < min(s.count, 24) {
            if s[i] == "，" || s[i] == "。" { return }
            if s[i] == "电" && i >= 3 && i + 1 < s.count {
                let window = s[0..<i]
                let looksLikeAgency = window.contains("社") || window.contains("网") || window.contains("日")
                guard looksLikeAgency else { return }
                var cut = i + 1
                if let close = closing(from: cut, limit: 40) { cut = close + 1 }
                if cut < s.count, s[cut] == " " || s[cut] == "：" { cut += 1 }
                s.removeFirst(cut)
                return
            }
            i += 1
        }
    }

    /// False for bylines, captions and editor lines that a naive reflow may leave in the body.
    static func isBody(_ s: [Unicode.Scalar]) -> Bool {
        var tokens = 0
        for scalar in s where isToken(scalar) {
            tokens += 1
            if tokens >= 2 { break }
        }
        guard tokens >= 2 else { return false }
        if s.contains("◎") { return false }
        var last = s.count - 1
        while last >= 0, !isToken(s[last]) { last -= 1 }
        if last >= 0, s[last] == "摄" { return false }
        for marker in nonBodyMarkers where s.starts(with: marker) { return false }
        return true
    }
}
