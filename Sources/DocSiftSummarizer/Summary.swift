/// How a summary was built.
public enum SummaryKind: String, Sendable, Equatable, Codable {
    /// Whole body sentences in document order.
    case sentences
    /// A budget-length window of text starting at a clause boundary (a headline-length gist).
    case clauseWindow
    /// Nothing to summarize (no body text, or a budget of 0).
    case empty
}

/// A key phrase of a document.
public struct Keyword: Sendable, Equatable, Codable {
    /// The phrase as it appears in the text.
    public var text: String
    /// Its TF-IDF score (higher = more characteristic).
    public var score: Float

    /// Creates a keyword.
    public init(text: String, score: Float) {
        self.text = text
        self.score = score
    }
}

/// An extractive summary.
public struct Summary: Sendable, Equatable, Codable {
    /// The summary text (``sentences`` joined without separators, in document order).
    public var text: String
    /// The parts of the summary: the chosen sentences as used (datelines cut; the last one
    /// chosen may be cut to its leading clauses, see ``SummaryOptions/cutsSentenceAtClause``),
    /// or the one window.
    public var sentences: [String]
    /// Indices into `PreparedDocument.sentences` of the sentences the text
    /// comes from, ascending (for a clause window: the sentences it overlaps).
    public var sentenceIndices: [Int]
    /// How the summary was built.
    public var kind: SummaryKind
    /// Key phrases of the document, best first.
    public var keywords: [Keyword]

    /// Creates a summary.
    public init(sentences: [String], sentenceIndices: [Int], kind: SummaryKind, keywords: [Keyword] = []) {
        self.text = sentences.joined()
        self.sentences = sentences
        self.sentenceIndices = sentenceIndices
        self.kind = kind
        self.keywords = keywords
    }
}
