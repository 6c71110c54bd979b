import Foundation

/// One labeled document as read from a seed manifest or a JSONL file.
public struct LabeledRecord: Sendable, Equatable {
    /// The record's id (`path:line` when the line has none).
    public var id: String
    /// The document text.
    public var text: String
    /// Its title, when the record has one.
    public var title: String?
    /// Its label.
    public var label: String
    /// Its group for grouped cross-validation (the seed page, or the group field's value).
    public var group: String?

    /// Creates a record.
    public init(id: String, text: String, title: String? = nil, label: String, group: String? = nil) {
        self.id = id
        self.text = text
        self.title = title
        self.label = label
        self.group = group
    }
}

/// Reading labeled data for training and evaluation — the one place that decides how.
///
/// A path is a seed manifest (`articles.json`: the seed pages cut into labeled articles,
/// grouped by page) when it parses as one; anything else is JSONL with `text` and `label`
/// fields (and `title`), read through ``InputSource``. Errors name the file and the record.
public enum LabeledDataReader {
    /// Whether `path` is a seed manifest rather than JSONL.
    public static func isSeedManifest(_ path: String) -> Bool {
        SeedCorpus.isManifest(URL(fileURLWithPath: path))
    }

    /// Every labeled record of `paths`, in order.
    /// - Parameters:
    ///   - paths: JSONL files or seed manifests.
    ///   - groupField: the JSONL field (string or number) that groups records; a seed
    ///     manifest is grouped by page.
    ///   - fields: the JSONL fields holding id, text, title and label.
    /// - Throws: ``CorpusError`` naming the file and the first unusable record.
    public static func read(_ paths: [String], groupField: String? = nil,
                            fields: RecordFieldNames = .standard) throws -> [LabeledRecord] {
        var records: [LabeledRecord] = []
        for path in paths {
            if isSeedManifest(path) {
                let corpus = try SeedCorpus(manifestURL: URL(fileURLWithPath: path))
                records += corpus.articles.map { LabeledRecord(id: $0.id, text: $0.text, label: $0.label, group: $0.page) }
            } else {
                records += try readJSONL(path, groupField: groupField, fields: fields)
            }
        }
        return records
    }

    /// The records of one JSONL file. Blank lines are skipped.
    /// - Throws: ``CorpusError`` naming the file and record: unreadable file, bad JSON, a
    ///   record without a `label` (or without the group field).
    public static func readJSONL(_ path: String, groupField: String? = nil,
                                 fields: RecordFieldNames = .standard) throws -> [LabeledRecord] {
        var records: [LabeledRecord] = []
        try InputSource(paths: [path], fields: fields).forEachRecord { result in
            let record: InputRecord
            switch result {
            case .success(let value): record = value
            case .failure(let error) where error.isWholeInput:
                throw CorpusError.unreadable(path: path, reason: error.reason)
            case .failure(let error):
                throw CorpusError.malformed(path: path, reason: "\(recordName(error.id, in: path)): \(error.reason)")
            }
            guard let label = record.label, !label.isEmpty else {
                throw CorpusError.malformed(path: path, reason: "\(recordName(record.id, in: path)): no \"\(fields.label)\" field; name the field that holds the label (--label-field)")
            }
            var group: String?
            if let groupField {
                guard let value = record.fields[groupField] else {
                    throw CorpusError.malformed(path: path, reason: "\(recordName(record.id, in: path)): no \"\(groupField)\" field; give every record that field, or name another (--cv-field)")
                }
                group = value
            }
            records.append(LabeledRecord(id: record.id, text: record.text, title: record.title, label: label, group: group))
            return true
        }
        return records
    }

    /// `line N` for an id made of the path and a line number, else `record ID`.
    static func recordName(_ id: String, in path: String) -> String {
        if id.hasPrefix(path + ":"), let line = Int(id.dropFirst(path.count + 1)) { return "line \(line)" }
        return "record \(id)"
    }
}
