import Foundation

/// Labeled data as classifier examples, read by `LabeledDataReader` (DocSiftCorpus), so the
/// classifier itself reads no files.
public enum LabeledTextReader {
    /// Every record of the JSONL file at `url` as an example; a record's `title`, when
    /// present, is put before its text on its own line. Blank lines are skipped.
    /// - Parameters:
    ///   - url: the JSONL file.
    ///   - groupField: an optional field (string or number) giving the example's group.
    ///   - fields: the fields that hold the id, text, title and label.
    /// - Throws: `CorpusError` naming the file and the first unusable record.
    public static func jsonLines(_ url: URL, groupField: String? = nil,
                                 fields: RecordFieldNames = .standard) throws -> [LabeledText] {
        try LabeledDataReader.readJSONL(url.path, groupField: groupField, fields: fields).map(LabeledText.init)
    }

    /// The examples of seed manifests (grouped by page) and JSONL files, in order.
    /// - Throws: `CorpusError` naming the file and the first unusable record.
    public static func examples(from paths: [String], groupField: String? = nil,
                                fields: RecordFieldNames = .standard) throws -> [LabeledText] {
        try LabeledDataReader.read(paths, groupField: groupField, fields: fields).map(LabeledText.init)
    }
}

extension LabeledText {
    /// The example of a labeled record: its title (if any) and text as the classifier reads them.
    public init(_ record: LabeledRecord) {
        self.init(text: TopicModel.documentText(record.text, title: record.title), label: record.label, group: record.group,
                  secondary: record.secondary)
    }
}

extension SummaryRecord {
    /// The evaluation record of a read reference-summary record.
    public init(_ record: ReferenceSummaryRecord) {
        self.init(id: record.id, text: record.text, summary: record.summary,
                  maxCharacters: record.maxCharacters, humanScore: record.humanScore)
    }

    /// Reads `{id, text, summary}` records (also `reference`, optional `max_chars` and
    /// `human_score`) from a JSONL file; with `minimumHumanScore`, only records scored at
    /// least that are kept (records without a score are dropped: `ReferenceSummaryReader`
    /// counts them).
    /// - Throws: `CorpusError` naming the file and record.
    public static func load(jsonlAt url: URL, minimumHumanScore: Int? = nil) throws -> [SummaryRecord] {
        try ReferenceSummaryReader.read(url.path, minimumHumanScore: minimumHumanScore).records.map(SummaryRecord.init)
    }
}
