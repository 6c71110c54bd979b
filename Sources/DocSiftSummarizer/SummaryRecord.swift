import Foundation

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

    /// Reads `{id, text, summary}` records (also `reference` for the summary, optional
    /// `max_chars` and `human_score`) from a JSONL file, keeping records whose human score
    /// is at least `minimumHumanScore` when one is given (records without a score are kept).
    /// - Throws: ``SummarizerDataError`` when the file is unreadable or a line lacks text or summary.
    public static func load(jsonlAt url: URL, minimumHumanScore: Int? = nil) throws -> [SummaryRecord] {
        var records: [SummaryRecord] = []
        for (offset, object) in try JSONLines.objects(at: url).enumerated() {
            guard let text = object["text"] as? String,
                  let summary = (object["summary"] as? String) ?? (object["reference"] as? String) else {
                throw SummarizerDataError.badRecord(line: offset + 1, reason: "needs string fields text and summary")
            }
            let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? "\(offset + 1)"
            let maxChars = (object["max_chars"] as? NSNumber)?.intValue
            let score = (object["human_score"] as? NSNumber)?.intValue
            if let minimumHumanScore, let score, score < minimumHumanScore { continue }
            records.append(SummaryRecord(id: id, text: text, summary: summary, maxCharacters: maxChars, humanScore: score))
        }
        return records
    }
}
