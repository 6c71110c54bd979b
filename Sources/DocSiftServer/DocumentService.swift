import DocSift

/// The loaded model and summarizer, shared by every request: label and summarize one document.
public struct DocumentService: Sendable {
    /// The topic model served.
    public let model: TopicModel
    private let scorer: TopicScorer
    private let summarizer: Summarizer
    private let scratch = ResourcePool<NGramCounts>(make: { NGramCounts() })

    /// A service over `model` and `summarizer`; the model is compiled for bulk scoring once.
    public init(model: TopicModel, summarizer: Summarizer) {
        self.model = model
        self.scorer = TopicScorer(model)
        self.summarizer = summarizer
    }

    /// The shipped default model and background IDF (or the files the `DOCSIFT_*` variables name).
    public static func loadDefault(summaryOptions: SummaryOptions = SummaryOptions()) throws -> DocumentService {
        DocumentService(model: try TopicModel.loadDefault(),
                        summarizer: Summarizer(options: summaryOptions, background: try BackgroundIDF.loadDefault()))
    }

    /// The topic decision for one document, as `docsift label` makes it.
    public func label(_ text: String, title: String?) -> TopicPrediction {
        scratch.withResource { scorer.classify(text, title: title, using: $0) }
    }

    /// The summary of one document, as `docsift summarize` makes it; `maxCharacters` overrides
    /// the configured budget. As with ``Summarizer``, a budget of 0 or less gives an empty
    /// summary (the server refuses a request's `max_chars` outside 1…1,000,000 before this).
    public func summarize(_ text: String, title: String?, maxCharacters: Int?) -> Summary {
        summarizer.summarize(text, title: title, budget: maxCharacters.map { .characters($0) })
    }
}
