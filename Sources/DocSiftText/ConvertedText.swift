/// A document as summaries read it: its furniture lines removed, its characters converted
/// for features (``converted``), and a map from every converted character back to the
/// original characters it came from, so sentences chosen on the converted text can be
/// given back in the document's own characters (``originals(of:)``).
///
/// Conversion never crosses a line break, so lines correspond one to one; a phrase may
/// change length (網際網路 → 互联网), and each of its output characters maps to the
/// whole phrase.
public struct ConvertedText: Sendable {
    /// The text summaries analyse: furniture removed, converted when asked.
    public let converted: String
    /// Whether ``converted`` has the original characters (then no mapping is needed).
    public let keepsCharacters: Bool
    /// The kept original characters, lines joined by `\n`.
    let original: [Unicode.Scalar]
    /// The converted characters, lines joined by `\n`.
    let convertedScalars: [Unicode.Scalar]
    /// For each converted character, the range of original characters it came from.
    let originStart: [Int32]
    let originEnd: [Int32]

    /// Prepares `text`: furniture lines dropped, characters converted to simplified when
    /// `converting` (emoji and private-use characters are dropped from ``converted`` too).
    public init(_ text: String, converting: Bool = true) {
        let needs = FeatureText.scan(text, converting: converting)
        guard needs.converts || needs.drops else {
            converted = needs.lines ? WebFurniture.strip(text) : text
            keepsCharacters = true
            original = []
            convertedScalars = []
            originStart = []
            originEnd = []
            return
        }
        // Only traditional text needs the conversion table (compiled on first use).
        let converter = needs.converts ? ScriptConverter.traditionalToSimplified : nil
        var original: [Unicode.Scalar] = []
        var output: [Unicode.Scalar] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        original.reserveCapacity(text.utf8.count / 2)
        output.reserveCapacity(text.utf8.count / 2)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(line.unicodeScalars)
            var result: (scalars: [Unicode.Scalar], origins: [Int]) =
                converter?.convertedScalarsWithOrigins(scalars) ?? (scalars, Array(scalars.indices))
            // The end of each piece: the start of the next piece, or the line's end.
            var pieceEnds = [Int](repeating: scalars.count, count: result.scalars.count)
            var k = result.origins.count - 1
            var nextStart = scalars.count
            while k >= 0 {
                if k + 1 < result.origins.count, result.origins[k + 1] != result.origins[k] { nextStart = result.origins[k + 1] }
                pieceEnds[k] = nextStart
                k -= 1
            }
            var keep: [Int] = []
            for index in result.scalars.indices where !SymbolFilter.isDropped(result.scalars[index].value) { keep.append(index) }
            if keep.count != result.scalars.count {
                result = (keep.map { result.scalars[$0] }, keep.map { result.origins[$0] })
                pieceEnds = keep.map { pieceEnds[$0] }
            }
            let convertedLine = Substring(String(String.UnicodeScalarView(result.scalars)))
            if WebFurniture.isFurniture(convertedLine) { continue }
            if !output.isEmpty || !original.isEmpty {
                starts.append(Int32(original.count))
                ends.append(Int32(original.count + 1))
                output.append("\n")
                original.append("\n")
            }
            let base = original.count
            output.append(contentsOf: result.scalars)
            starts.append(contentsOf: result.origins.map { Int32(base + $0) })
            ends.append(contentsOf: pieceEnds.map { Int32(base + $0) })
            original.append(contentsOf: scalars)
        }
        self.converted = ScalarText.string(output)
        self.keepsCharacters = output == original
        self.original = original
        self.convertedScalars = output
        self.originStart = starts
        self.originEnd = ends
    }

    /// Each of `pieces` (sentences or clauses cut from ``converted``, in document order,
    /// after the normalization text preparation applies) in the original characters; a
    /// piece that cannot be located is returned as it is.
    public func originals(of pieces: [String]) -> [String] {
        guard !keepsCharacters else { return pieces }
        var cursor = 0
        return pieces.map { piece in
            if let found = original(of: piece, from: cursor) {
                cursor = found.end
                return found.text
            }
            return original(of: piece, from: 0)?.text ?? piece
        }
    }

    /// `piece` located in the converted text at or after `cursor`, in original characters.
    func original(of piece: String, from cursor: Int) -> (text: String, end: Int)? {
        let wanted = piece.unicodeScalars.map(TextNormalizer.halfWidth).filter { !ConvertedText.isSkippable($0) }
        guard let first = wanted.first else { return nil }
        var start = cursor
        while start < convertedScalars.count {
            if TextNormalizer.halfWidth(convertedScalars[start]) == first, let end = matchEnd(wanted, at: start) {
                let lower = Int(originStart[start]), upper = Int(originEnd[end - 1])
                let text = original[lower..<max(lower, upper)]
                    .filter { $0 != "\n" && $0 != "\r" && !ConvertedText.isInvisible($0) }
                    .map(TextNormalizer.halfWidth)
                return (ScalarText.string(text), end)
            }
            start += 1
        }
        return nil
    }

    /// The end of a match of `wanted` (without skippable characters) starting at `start`.
    private func matchEnd(_ wanted: [Unicode.Scalar], at start: Int) -> Int? {
        var i = start, k = 0
        while k < wanted.count {
            guard i < convertedScalars.count else { return nil }
            let c = TextNormalizer.halfWidth(convertedScalars[i])
            if c == wanted[k] {
                k += 1
            } else if !ConvertedText.isSkippable(c) {
                return nil
            }
            i += 1
        }
        return i
    }

    /// Characters text preparation may add, drop or move: white space, line breaks,
    /// invisible characters and heading marks.
    static func isSkippable(_ s: Unicode.Scalar) -> Bool {
        CharacterClasses.isSpace(s) || isInvisible(s) || s == "#" || s == "■" || s == "□" || s == "●" || s == "◆"
    }

    /// Characters normalization drops.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 && v != 0x0A || v == 0x7F || v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF
            || v == 0x2060 || v == 0xFFFD
    }
}
