import Foundation

/// One document with a reference summary, for summary evaluation.
public struct ReferenceSummaryRecord: Sendable, Equatable {
    /// Record id.
    public var id: String
    /// The document text.
    public var text: String
    /// The reference summary (`summary`, or `reference`).
    public var summary: String
    /// The record's own budget in characters (`max_chars`).
    public var maxCharacters: Int?
    /// A human quality score of the reference (LCSTS `human_score`).
    public var humanScore: Int?
}

/// Reading `{id, text, summary}` JSONL for summary evaluation, with the human-score filter.
public enum ReferenceSummaryReader {
    /// What a read kept and dropped.
    public struct Result: Sendable, Equatable {
        /// The records kept, in file order.
        public var records: [ReferenceSummaryRecord]
        /// Records dropped for a human score below the minimum.
        public var belowMinimum: Int
        /// Records dropped for having no human score while a minimum was given.
        public var withoutScore: Int
    }

    /// Reads the file at `path`. With `minimumHumanScore`, only records scored at least that
    /// are kept (records without a score are dropped and counted).
    /// - Throws: ``CorpusError`` naming the file and record (unreadable file, bad JSON, no summary).
    /// `fields` names the id, text and title fields when a data set calls them otherwise.
    public static func read(_ path: String, minimumHumanScore: Int? = nil,
                            fields: RecordFieldNames = .standard) throws -> Result {
        var result = Result(records: [], belowMinimum: 0, withoutScore: 0)
        try InputSource(paths: [path], fields: fields).forEachRecord { read in
            let input: InputRecord
            switch read {
            case .success(let record): input = record
            case .failure(let error) where error.isWholeInput:
                throw CorpusError.unreadable(path: path, reason: error.reason)
            case .failure(let error):
                throw CorpusError.malformed(path: path, reason: "\(LabeledDataReader.recordName(error.id, in: path)): \(error.reason)")
            }
            guard let summary = input.summary else {
                throw CorpusError.malformed(path: path, reason: "\(LabeledDataReader.recordName(input.id, in: path)): no \"summary\" field")
            }
            let score = input.fields["human_score"].flatMap(JSONLRecordParser.wholeNumber)
            if let minimumHumanScore {
                guard let score else {
                    result.withoutScore += 1
                    return true
                }
                if score < minimumHumanScore {
                    result.belowMinimum += 1
                    return true
                }
            }
            result.records.append(ReferenceSummaryRecord(id: input.id, text: input.text, summary: summary,
                                                         maxCharacters: input.maxCharacters, humanScore: score))
            return true
        }
        return result
    }
}
