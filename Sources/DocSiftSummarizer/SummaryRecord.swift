/// One evaluation record: a document and its reference summary.
public struct SummaryRecord: Sendable, Equatable, Codable {
    /// Record id.
    public var id: String
    /// The document text.
    public var text: String
    /// The reference summary.
    public var summary: String
    /// The record's own budget in characters, when it states one (`max_chars`).
    public var maxCharacters: Int?
    /// A human quality score of the reference (LCSTS `human_score`), when present.
    public var humanScore: Int?

    /// Creates a record.
    public init(id: String, text: String, summary: String, maxCharacters: Int? = nil, humanScore: Int? = nil) {
        self.id = id
        self.text = text
        self.summary = summary
        self.maxCharacters = maxCharacters
        self.humanScore = humanScore
    }
}
