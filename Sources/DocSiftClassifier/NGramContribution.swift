/// How much one n-gram of a document adds to a label's score.
public struct NGramContribution: Sendable, Codable, Equatable {
    /// The n-gram's text (hex key for hashed n-grams longer than three characters).
    public var ngram: String
    /// Its TF-IDF value in the document.
    public var featureValue: Float
    /// The label's weight for it.
    public var weight: Float
    /// `featureValue × weight`.
    public var contribution: Float
}
