/// Which character n-grams a document is cut into.
public struct NGramOptions: Sendable, Codable, Equatable, Hashable {
    /// Shortest n-gram, in characters (≥ 1).
    public var minLength: Int
    /// Longest n-gram, in characters (≥ `minLength`).
    public var maxLength: Int
    /// Fold every ASCII digit to `0`, so that "2023年" and "2024年" share n-grams.
    public var foldsDigits: Bool

    /// Character 1–3-grams with digits folded: the default for Chinese news.
    public init(minLength: Int = 1, maxLength: Int = 3, foldsDigits: Bool = true) {
        self.minLength = max(1, minLength)
        self.maxLength = max(self.minLength, maxLength)
        self.foldsDigits = foldsDigits
    }
}
