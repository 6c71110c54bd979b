import DocSift

/// A label result, with the fields of `docsift label`'s JSONL records:
/// `{"id","label","scores":{topic:probability},"secondary":[...]}`.
struct LabelRecord: Encodable, Sendable {
    var id: String
    var prediction: TopicPrediction

    private enum Key: String, CodingKey { case id, label, scores, secondary }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(prediction.label, forKey: .label)
        // Topics in model order, as the CLI writes them.
        var scores = container.nestedContainer(keyedBy: TopicKey.self, forKey: .scores)
        for score in prediction.scores {
            try scores.encode(Double(score.probability), forKey: TopicKey(score.label))
        }
        try container.encode(prediction.secondary, forKey: .secondary)
    }
}

/// A summary result, with the fields of `docsift summarize`'s JSONL records:
/// `{"id","summary","sentences","keywords"}`.
struct SummaryRecordOutput: Encodable, Sendable {
    var id: String
    var summary: Summary

    private enum Key: String, CodingKey { case id, summary, sentences, keywords }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(summary.text, forKey: .summary)
        try container.encode(summary.sentenceIndices, forKey: .sentences)
        try container.encode(summary.keywords.map(\.text), forKey: .keywords)
    }
}

/// One result of a batch: the record, or `{"id","error"}` for a document that was not processed.
enum Outcome<Record: Encodable & Sendable>: Encodable, Sendable {
    case record(Record)
    case failed(id: String, reason: String)

    private enum Key: String, CodingKey { case id, error }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .record(let record): try record.encode(to: encoder)
        case .failed(let id, let reason):
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id, forKey: .id)
            try container.encode(reason, forKey: .error)
        }
    }
}

/// A batch reply: `{"results": [...]}` in request order.
struct BatchReply<Record: Encodable & Sendable>: Encodable, Sendable {
    var results: [Record]
}

/// An error reply: `{"error": "...", "status": 400}`.
struct ErrorReply: Encodable, Sendable {
    var error: String
    var status: Int
}

/// A JSON key named by a topic label.
private struct TopicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ label: String) { stringValue = label }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
