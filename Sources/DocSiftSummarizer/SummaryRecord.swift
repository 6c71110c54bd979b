import DocSiftCorpus
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

    /// The evaluation record of an input record, or `nil` when it has no reference summary
    /// (`summary`, or `reference`); `max_chars` and `human_score` are carried over.
    public init?(_ record: InputRecord) {
        guard let summary = record.summary else { return nil }
        self.init(id: record.id, text: record.text, summary: summary, maxCharacters: record.maxCharacters,
                  humanScore: record.fields["human_score"].flatMap { Int($0) })
    }

    /// Reads `{id, text, summary}` records (also `reference` for the summary, optional
    /// `max_chars` and `human_score`) from a JSONL file, keeping records whose human score
    /// is at least `minimumHumanScore` when one is given (records without a score are then
    /// dropped too; ``loadCounted(jsonlAt:minimumHumanScore:)`` says how many).
    /// - Throws: ``SummarizerDataError`` when the file is unreadable or a line lacks text or summary.
    public static func load(jsonlAt url: URL, minimumHumanScore: Int? = nil) throws -> [SummaryRecord] {
        try loadCounted(jsonlAt: url, minimumHumanScore: minimumHumanScore).records
    }

    /// ``load(jsonlAt:minimumHumanScore:)`` with the number of records dropped for a score
    /// below the minimum and for having no score.
    public static func loadCounted(jsonlAt url: URL, minimumHumanScore: Int? = nil) throws
        -> (records: [SummaryRecord], belowMinimum: Int, withoutScore: Int) {
        var records: [SummaryRecord] = []
        var belowMinimum = 0
        var withoutScore = 0
        do {
            try InputSource(paths: [url.path]).forEachRecord { result in
                let input: InputRecord
                switch result {
                case .success(let record): input = record
                case .failure(let error): throw SummarizerDataError.badRecord(id: error.id, reason: error.reason)
                }
                guard let record = SummaryRecord(input) else {
                    throw SummarizerDataError.badRecord(id: input.id, reason: "no summary field")
                }
                if let minimumHumanScore {
                    guard let score = record.humanScore else {
                        withoutScore += 1
                        return true
                    }
                    if score < minimumHumanScore {
                        belowMinimum += 1
                        return true
                    }
                }
                records.append(record)
                return true
            }
        } catch let error as CorpusError {
            throw SummarizerDataError.io(path: url.path, reason: error.description)
        }
        return (records, belowMinimum, withoutScore)
    }
}
