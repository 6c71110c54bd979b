import Foundation

/// One labeled document as `docsift label` writes it: the output schema, owned here so the
/// command line and services write the same keys.
///
/// JSONL keys, in this order: `id`, `label`, `scores` (topic → probability, in the model's
/// label order), `secondary`, then with a summary `summary`, `sentences`, `keywords`, then
/// with an explanation `explanation` (topic → `[{"ngram","weight"}]`). An unreadable record is
/// `{"id","error"}`. CSV and table rows have the columns of ``flatHeader(labels:summary:explanation:)``.
public struct LabeledDocument: Sendable, Encodable {
    /// The output keys, in output order.
    public enum Field: String, CodingKey, CaseIterable, Sendable {
        case id, label, scores, secondary, summary, sentences, keywords, explanation, error
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
    /// The decision.
    public var prediction: TopicPrediction
    /// The summary, when asked for.
    public var summary: Summary?
    /// The explanation, when asked for.
    public var explanation: [ExplainedTopic]?

    /// A labeled document.
    public init(id: String, prediction: TopicPrediction, summary: Summary? = nil, explanation: [ExplainedTopic]? = nil) {
        self.id = id
        self.prediction = prediction
        self.summary = summary
        self.explanation = explanation
    }

    private struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The JSONL record (see the type's description for the keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Field.self)
        try container.encode(id, forKey: .id)
        try container.encode(prediction.label, forKey: .label)
        var scores = container.nestedContainer(keyedBy: NameKey.self, forKey: .scores)
        for score in prediction.scores { try scores.encode(score.probability, forKey: NameKey(stringValue: score.label)) }
        try container.encode(prediction.secondary, forKey: .secondary)
        if let summary {
            try container.encode(summary.text, forKey: .summary)
            try container.encode(summary.sentenceIndices, forKey: .sentences)
            try container.encode(summary.keywords.map(\.text), forKey: .keywords)
        }
        if let explanation {
            var topics = container.nestedContainer(keyedBy: NameKey.self, forKey: .explanation)
            for topic in explanation { try topics.encode(topic.ngrams, forKey: NameKey(stringValue: topic.topic)) }
        }
    }

    /// The columns of CSV and table output: id, label, secondary, one score per topic, then
    /// summary and keywords, explanation when asked for, and error.
    public static func flatHeader(labels: [String], summary: Bool, explanation: Bool) -> [String] {
        var header = [Field.id, .label, .secondary].map(\.rawValue) + labels
        if summary { header += [Field.summary.rawValue, Field.keywords.rawValue] }
        if explanation { header.append(Field.explanation.rawValue) }
        return header + [Field.error.rawValue]
    }

    /// The cells of this document's CSV or table row, by column name: lists joined with `;`,
    /// probabilities with three decimals, an explanation as `topic: ngram weight, … | …`.
    public var flatCells: [(String, String)] {
        var cells: [(String, String)] = [(Field.id.rawValue, id), (Field.label.rawValue, prediction.label),
                                         (Field.secondary.rawValue, prediction.secondary.joined(separator: ";"))]
        for score in prediction.scores { cells.append((score.label, String(format: "%.3f", score.probability))) }
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
