import DocSiftCorpus
import Foundation

/// Reads labeled examples from JSON Lines files such as `{"text": …, "label": …, "fold": 2}`,
/// through the shared input layer (`InputSource`).
public enum LabeledTextReader {
    /// Every record of `url` as an example; a record's `title`, when present, is put before
    /// its text on its own line. Blank lines are skipped.
    /// - Parameter groupField: an optional field (string or number) giving the example's group.
    /// - Throws: ``ClassifierError`` naming the file and record for unreadable files, bad
    ///   JSON, or missing fields.
    public static func jsonLines(_ url: URL, groupField: String? = nil) throws -> [LabeledText] {
        var examples: [LabeledText] = []
        do {
            try InputSource(paths: [url.path]).forEachRecord { result in
                let record: InputRecord
                switch result {
                case .success(let value): record = value
                case .failure(let error):
                    throw ClassifierError.malformed(path: url.path, reason: "\(error.id): \(error.reason)")
                }
                guard let label = record.label, !label.isEmpty else {
                    throw ClassifierError.malformed(path: url.path, reason: "\(record.id): no label")
                }
                var group: String?
                if let groupField {
                    guard let value = record.fields[groupField] else {
                        throw ClassifierError.malformed(path: url.path, reason: "\(record.id): no \"\(groupField)\"")
                    }
                    group = value
                }
                examples.append(LabeledText(text: TopicModel.documentText(record.text, title: record.title),
                                            label: label, group: group))
                return true
            }
        } catch let error as CorpusError {
            throw ClassifierError.unreadable(path: url.path, reason: error.description)
        }
        return examples
    }
}
