/// What a single input line looks like on its own, before reflow looks at its neighbours.
struct ClassifiedLine: Sendable {
    /// What kind of line it is by its own content.
    enum Shape: Sendable, Equatable {
        /// Empty after normalization.
        case blank
        /// A markdown heading (`#` level, 1…6).
        case markdownHeading(Int)
        /// A bulleted section heading (`■ …`).
        case bulletHeading
        /// A line starting with `——`: a subtitle when it stands after a title.
        case subtitle
        /// An author line marked with `◎`.
        case markedByline
        /// A photo credit on its own line: `孙凯芳 摄`.
        case credit
        /// An editorial continuation mark: `（上接B1版）`.
        case continuationMarker
        /// Anything else.
        case text
    }

    /// 1-based line number in the input.
    var number: Int
    /// Normalized scalars, trimmed, heading marks removed.
    var scalars: [Unicode.Scalar]
    /// The line's shape.
    var shape: Shape
    /// Display width in em.
    var width: Double
    /// The line ends a sentence (final mark, optionally followed by closing quotes).
    var endsSentence: Bool
    /// Could be a lone author line: one to four names of two to four Han characters.
    var isNameLike: Bool
    /// Starts with a news dateline such as `本报讯`.
    var isDateline: Bool
    /// Holds sentence punctuation before its end (`，。；` …): not a title line.
    var hasInnerPunctuation: Bool
    /// Holds a full stop before its end.
    var hasInnerFullStop: Bool
    /// Ends with a colon (`陕西武功县：`), typical of a title's first line.
    var endsWithColon: Bool
    /// Where a trailing photo credit (` 杨玉红张光贤摄`) starts, when the line ends with one.
    var trailingCreditStart: Int?

    var isBlank: Bool { shape == .blank }
}

/// Classifies lines one by one.
enum LineClassifier {
    /// Classifies every line of `text` (split on `\n`, 1-based numbers).
    static func classify(_ text: String) -> [ClassifiedLine] {
        var lines: [ClassifiedLine] = []
        var raw: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines.append(classify(raw, number: lines.count + 1))
                raw.removeAll(keepingCapacity: true)
            } else {
                raw.append(scalar)
            }
        }
        lines.append(classify(raw, number: lines.count + 1))
        return lines
    }

    /// Classifies one raw line.
    static func classify(_ raw: [Unicode.Scalar], number: Int) -> ClassifiedLine {
        let (scalars, level, bullet) = TextNormalizer.normalizeLineReadingMarks(raw)
        var line = ClassifiedLine(
            number: number, scalars: scalars, shape: .text, width: CharacterClasses.width(scalars),
            endsSentence: CharacterClasses.endsSentence(scalars[...]), isNameLike: false, isDateline: false,
            hasInnerPunctuation: false, hasInnerFullStop: false, endsWithColon: false, trailingCreditStart: nil)
        guard !scalars.isEmpty else {
            line.shape = .blank
            return line
        }
        if let last = scalars.last { line.endsWithColon = last == "：" || last == ":" }
        for s in scalars.dropLast() {
            switch s {
            case "，", "。", "；", "、", ",", ";", "！", "？": line.hasInnerPunctuation = true
            default: break
            }
            if s == "。" || s == "；" || s == ";" { line.hasInnerFullStop = true }
        }
        line.isDateline = isDateline(scalars)
        line.isNameLike = isNameLike(scalars[...])
        line.trailingCreditStart = trailingCredit(scalars)
        if bullet {
            line.shape = .bulletHeading
        } else if level > 0 {
            line.shape = .markdownHeading(level)
        } else if scalars.first == "\u{25CE}" {  // ◎
            line.shape = .markedByline
        } else if isCreditLine(scalars[...]) {
            line.shape = .credit
        } else if isContinuationMarker(scalars) {
            line.shape = .continuationMarker
        } else if scalars.count >= 2, scalars[0] == "\u{2014}", !line.endsSentence {  // —
            line.shape = .subtitle
        }
        return line
    }

    /// `本报讯`, `本报北京3月1日电`, `新华社…电`: a dateline opening a news item.
    static func isDateline(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 3 else { return false }
        if s[0] == "本" && s[1] == "报" {
            for i in 2..<min(s.count, 16) where s[i] == "讯" || s[i] == "电" { return true }
        }
        if s.count >= 4, s[0] == "新" && s[1] == "华" && s[2] == "社" {
            for i in 3..<min(s.count, 20) where s[i] == "电" { return true }
        }
        return false
    }

    /// One to four space-separated names of two to four Han characters (`罗杰 裴旭蕾 于成林`).
    static func isNameLike(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var tokens = 0
        var length = 0
        for s in s {
            if s == " " || s == "\u{00B7}" || s == "\u{2022}" {
                if length > 0 {
                    guard (2...4).contains(length) else { return false }
                    tokens += 1
                    length = 0
                }
            } else if CharacterClasses.isHan(s) {
                length += 1
            } else {
                return false
            }
        }
        if length > 0 {
            guard (2...4).contains(length) else { return false }
            tokens += 1
        }
        return (1...4).contains(tokens)
    }

    /// A photo credit line: names (at most 16 Han characters with spaces) and a final `摄`.
    static func isCreditLine(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = s.last, last == "摄", s.count <= 24 else { return false }
        var han = 0
        for c in s.dropLast() {
            if CharacterClasses.isHan(c) { han += 1 } else if !(c == " " || c == "/" || c == "\u{00B7}") { return false }
        }
        return (2...16).contains(han)
    }

    /// Where a photo credit appended to a caption starts: `…贡献。 杨玉红张光贤摄`.
    static func trailingCredit(_ s: [Unicode.Scalar]) -> Int? {
        guard s.count > 4, s.last == "摄" else { return nil }
        var index = s.count - 1
        var han = 0
        while index > 0, CharacterClasses.isHan(s[index - 1]) || s[index - 1] == " " {
            if CharacterClasses.isHan(s[index - 1]) { han += 1 }
            index -= 1
            if han > 16 { return nil }
        }
        guard index > 0, han >= 2, CharacterClasses.endsSentence(s[..<index]) else { return nil }
        return index
    }

    /// `（上接B1版）`, `(下转第3版)`: a continuation mark.
    static func isContinuationMarker(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 4, s.count <= 14, let first = s.first, let last = s.last,
              CharacterClasses.isOpener(first), CharacterClasses.isCloser(last) else { return false }
        let inner = String(String.UnicodeScalarView(s[1..<(s.count - 1)]))
        return (inner.hasPrefix("上接") || inner.hasPrefix("下转") || inner.hasPrefix("接上") || inner.hasPrefix("转下")
            || inner.hasPrefix("接第") || inner.hasPrefix("转第")) && inner.hasSuffix("版")
    }
}
