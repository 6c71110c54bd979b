/// Rebuilds paragraphs from OCR'd column text.
public enum Reflow {
    /// The blocks of `text`: lines of one paragraph joined, headings, bylines and captions
    /// kept apart. `text` is normalized first.
    public static func blocks(of text: String) -> [TextBlock] {
        let lines = TextNormalizer.normalize(text).split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [TextBlock] = []
        var current = ""
        var start = 0
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r#")
            if line.isEmpty {
                continue
            }
            if current.isEmpty { start = offset + 1 }
            current += line
            if let last = line.unicodeScalars.last, "。！？”…".unicodeScalars.contains(last) {
                blocks.append(TextBlock(kind: .paragraph, text: current, lines: start...(offset + 1)))
                current = ""
            }
        }
        if !current.isEmpty {
            blocks.append(TextBlock(kind: .paragraph, text: current, lines: start...lines.count))
        }
        return blocks
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let drop = Set(set.unicodeScalars)
        var scalars = Substring.UnicodeScalarView(unicodeScalars)
        while let first = scalars.first, drop.contains(first) || first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, drop.contains(last) || last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
