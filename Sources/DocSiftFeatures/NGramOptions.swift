/// Which character n-grams a document is cut into.
public struct NGramOptions: Sendable, Codable, Equatable, Hashable {
    /// Shortest n-gram, in characters (≥ 1).
    public var minLength: Int
    /// Longest n-gram, in characters (≥ `minLength`).
    public var maxLength: Int
    /// Fold every ASCII digit to `0`, so that "2023年" and "2024年" share n-grams.
    public var foldsDigits: Bool
    /// Treat punctuation and symbols as characters too (a run of white space counts as one
    /// space), so that n-grams span them; by default they end a run of characters.
    public var includesPunctuation: Bool

    /// Character 1–3-grams with digits folded: the default for Chinese news.
    public init(minLength: Int = 1, maxLength: Int = 3, foldsDigits: Bool = true, includesPunctuation: Bool = false) {
        self.minLength = max(1, minLength)
        self.maxLength = max(self.minLength, maxLength)
        self.foldsDigits = foldsDigits
        self.includesPunctuation = includesPunctuation
    }
}
