import Foundation

/// One output record of DocSift: what `docsift label` and `docsift summarize` write, what
/// `docsift serve` answers and what the C interface returns. The schema and its encoding are
/// defined here once (``json`` is written by `RecordJSON`), so every front end writes the
/// same bytes.
///
/// JSONL keys, in this order: `id`, then with a prediction `label`, `confidence` (the
/// probability that the label is right), `scores` (topic → probability that the document is
/// about the topic, in the model's label order, six decimals), `secondary`; then with a summary
/// `summary`, `sentences`, `keywords`; then with an explanation `explanation` (topic →
/// `[{"ngram","weight"}]`). A record that could not be processed is `{"id","error"}`. CSV and
/// table rows have the columns of ``flatHeader(labels:summary:explanation:)``.
public struct LabeledDocument: Sendable, Encodable {
    /// The output keys, in output order.
    public enum Field: String, CodingKey, CaseIterable, Sendable {
        case id, label, confidence, scores, secondary, summary, sentences, keywords, explanation, error
    }

    /// The n-grams that pushed one reported topic.
    public struct ExplainedTopic: Sendable, Encodable {
        /// The topic.
        public var topic: String
        /// Its strongest n-grams with their contributions.
        public var ngrams: [ExplainedNGram]

        /// An explained topic.
        public init(topic: String, ngrams: [ExplainedNGram]) {
            self.topic = topic
            self.ngrams = ngrams
        }
    }

    /// One n-gram of an explanation: `{"ngram","weight"}`.
    public struct ExplainedNGram: Sendable, Encodable {
        /// The n-gram.
        public var ngram: String
        /// Its contribution to the topic's score.
        public var weight: Float

        /// An explained n-gram.
        public init(ngram: String, weight: Float) {
            self.ngram = ngram
            self.weight = weight
        }
    }

    /// The record's id.
    public var id: String
    /// The decision (`nil` in a summary-only record, as `docsift summarize` writes).
    public var prediction: TopicPrediction?
    /// The summary, when asked for.
    public var summary: Summary?
    /// The explanation, when asked for.
    public var explanation: [ExplainedTopic]?
    /// Why the record could not be processed; when set, the record is `{"id","error"}`.
    public var error: String?

    /// A labeled document.
    public init(id: String, prediction: TopicPrediction, summary: Summary? = nil, explanation: [ExplainedTopic]? = nil) {
        self.id = id
        self.prediction = prediction
        self.summary = summary
        self.explanation = explanation
    }

    /// A summary-only record: `{"id","summary","sentences","keywords"}`.
    public init(id: String, summary: Summary) {
        self.id = id
        self.summary = summary
    }

    /// A record that could not be processed: `{"id","error"}`.
    public init(id: String, error: String) {
        self.id = id
        self.error = error
    }

    /// The JSONL record as ordered JSON; `includingID: false` leaves out `id` (the C
    /// interface's results, which the caller matches to its own documents).
    package func jsonValue(includingID: Bool = true) -> RecordJSON {
        var members: [(String, RecordJSON)] = includingID ? [(Field.id.rawValue, .string(id))] : []
        if let error {
            members.append((Field.error.rawValue, .string(error)))
            return .object(members)
        }
        if let prediction {
            members.append((Field.label.rawValue, .string(prediction.label)))
            members.append((Field.confidence.rawValue, .number(Double(prediction.confidence))))
            members.append((Field.scores.rawValue, .object(prediction.scores.map { ($0.label, .number(Double($0.probability))) })))
            members.append((Field.secondary.rawValue, .array(prediction.secondary.map { .string($0) })))
        }
        if let summary {
            members.append((Field.summary.rawValue, .string(summary.text)))
            members.append((Field.sentences.rawValue, .array(summary.sentenceIndices.map { .integer($0) })))
            members.append((Field.keywords.rawValue, .array(summary.keywords.map { .string($0.text) })))
        }
        if let explanation {
            members.append((Field.explanation.rawValue, .object(explanation.map { topic in
                (topic.topic, .array(topic.ngrams.map {
                    .object([("ngram", .string($0.ngram)), ("weight", .number(Double($0.weight)))])
                }))
            })))
        }
        return .object(members)
    }

    /// The JSONL record as compact UTF-8 (no newline).
    public var jsonUTF8: [UInt8] { jsonValue().utf8 }

    /// The JSONL record as text (no newline): the bytes every DocSift front end writes.
    public var json: String { jsonValue().text }

    /// The JSONL record through any `Encoder`: the same keys in the same order, numbers
    /// rounded to six decimals (``json`` gives the exact bytes of the command line).
    public func encode(to encoder: any Encoder) throws {
        try jsonValue().encode(to: encoder)
    }

    /// The columns of CSV and table output: id, label, confidence, secondary, one score per topic, then
    /// summary and keywords, explanation when asked for, and error.
    public static func flatHeader(labels: [String], summary: Bool, explanation: Bool) -> [String] {
        var header = [Field.id, .label, .confidence, .secondary].map(\.rawValue) + labels
        if summary { header += [Field.summary.rawValue, Field.keywords.rawValue] }
        if explanation { header.append(Field.explanation.rawValue) }
        return header + [Field.error.rawValue]
    }

    /// The cells of this document's CSV or table row, by column name: lists joined with `;`,
    /// probabilities with three decimals, an explanation as `topic: ngram weight, … | …`.
    public var flatCells: [(String, String)] {
        var cells: [(String, String)] = [(Field.id.rawValue, id)]
        if let error {
            cells.append((Field.error.rawValue, error))
            return cells
        }
        if let prediction {
            cells.append((Field.label.rawValue, prediction.label))
            cells.append((Field.confidence.rawValue, String(format: "%.3f", prediction.confidence)))
            cells.append((Field.secondary.rawValue, prediction.secondary.joined(separator: ";")))
            for score in prediction.scores { cells.append((score.label, String(format: "%.3f", score.probability))) }
        }
        if let summary {
            cells.append((Field.summary.rawValue, summary.text))
            cells.append((Field.keywords.rawValue, summary.keywords.map(\.text).joined(separator: ";")))
        }
        if let explanation {
            let text = explanation.map { topic in
                "\(topic.topic): " + topic.ngrams.map { "\($0.ngram) \(String(format: "%.3f", $0.weight))" }.joined(separator: ", ")
            }.joined(separator: " | ")
            cells.append((Field.explanation.rawValue, text))
        }
        return cells
    }
}
