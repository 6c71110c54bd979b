/// Character-level clean-up applied before anything else reads the text.
///
/// Normalization never adds or removes line breaks, so line numbers computed on the
/// normalized text are the line numbers of the input.
public enum TextNormalizer: Sendable {
    /// The whole text normalized line by line: full-width letters, digits and ASCII
    /// symbols become half-width, the ideographic space becomes a space, invisible
    /// characters are dropped and markdown heading marks (`#`, `##`, `■`) are removed.
    /// Chinese punctuation (，。：“”…) is kept as it is.
    public static func normalize(_ text: String) -> String {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.utf8.count)
        var line: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                output.append(contentsOf: normalizeLine(line))
                output.append("\n")
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(scalar)
            }
        }
        output.append(contentsOf: normalizeLine(line))
        return ScalarText.string(output)
    }

    /// The half-width form of a full-width letter, digit or symbol; other scalars unchanged.
    /// Full-width punctuation that Chinese text uses as its own (，：；！？（）) is kept,
    /// while ％ ． ＋ － ／ ＠ ＃ ＆ ＝ ＿ and the ideographic space become ASCII.
    @inlinable
    public static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v == 0x3000 { return " " }
        if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
            || v == 0xFF05 || v == 0xFF0E || v == 0xFF0B || v == 0xFF0D || v == 0xFF0F || v == 0xFF20
            || v == 0xFF03 || v == 0xFF06 || v == 0xFF1D || v == 0xFF3F {
            return Unicode.Scalar(v - 0xFEE0) ?? scalar
        }
        return scalar
    }

    /// One line (without its line break) normalized: half-width forms, tabs and odd spaces
    /// as plain spaces, invisible and control characters dropped, leading markdown heading
    /// marks (`#`…`######`, `■`, `□`, `●`, `◆` used as heading bullets) removed and
    /// surrounding whitespace trimmed.
    public static func normalizeLine(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        normalizeLineReadingMarks(line).scalars
    }

    /// ``normalizeLine(_:)`` that also reports the heading marks it removed: the markdown
    /// level (number of `#`, 0 when none) and whether a `■`-style bullet was there.
    static func normalizeLineReadingMarks(_ line: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], markdownLevel: Int, bullet: Bool) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(line.count)
        for scalar in line {
            let v = scalar.value
            if v == 0x09 || v == 0xA0 || v == 0x3000 || (0x2000...0x200A).contains(v) || v == 0x202F {
                scalars.append(" ")
            } else if v < 0x20 || v == 0x7F || v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF
                        || v == 0x2060 || v == 0xFFFD {
                continue
            } else {
                scalars.append(halfWidth(scalar))
            }
        }
        let marks = LineMarks.headingMarkerPrefix(scalars)
        var lower = marks.start
        var upper = scalars.count
        while lower < upper, scalars[lower] == " " { lower += 1 }
        while upper > lower, scalars[upper - 1] == " " { upper -= 1 }
        if lower > 0 || upper < scalars.count {
            scalars = Array(scalars[lower..<upper])
        }
        return (scalars, marks.level, marks.bullet)
    }
}
