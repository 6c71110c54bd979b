/// Splits Chinese paragraphs into sentences.
public enum SentenceSplitter {
    /// The sentences of one paragraph, each with its closing punctuation.
    public static func sentences(in paragraph: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in paragraph.unicodeScalars {
            current.append(scalar)
            if "。！？；".unicodeScalars.contains(scalar) {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        let rest = String(current)
        if !rest.allSatisfy(\.isWhitespace) { result.append(rest) }
        return result
    }
}
