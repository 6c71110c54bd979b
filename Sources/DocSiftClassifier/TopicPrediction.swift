/// The classifier's answer for one document.
public struct TopicPrediction: Sendable, Codable, Equatable {
    /// One label's score.
    public struct LabelScore: Sendable, Codable, Equatable {
        /// The label.
        public var label: String
        /// The probability that the document is about this label, calibrated on its own
        /// (one-vs-rest): the labels' probabilities need not sum to 1. Models from before
        /// format version 3 give a softmax over the labels instead.
        public var probability: Float
        /// The raw linear score.
        public var score: Float
    }

    /// The final label (the abstain label when no topic was confident).
    public var label: String
    /// Other topics the document covers with enough confidence, most probable first.
    public var secondary: [String]
    /// Every label's score, in model label order.
    public var scores: [LabelScore]
    /// Whether the top topic fell below its threshold and the abstain label was answered.
    public var abstained: Bool

    /// The probability of `label`, or 0 for an unknown label.
    public func probability(of label: String) -> Float {
        scores.first { $0.label == label }?.probability ?? 0
    }

    /// How far the decision is from going another way: the smaller of the gap between the
    /// two most probable labels and, for a model that abstains, the distance of the top
    /// topic's probability from its abstain threshold (set by the model). Near 0: the
    /// documents worth labeling next (`docsift label --uncertain N`).
    public var margin: Float = 1

    /// A prediction; ``confidence`` is the answered label's probability until set.
    package init(label: String, secondary: [String], scores: [LabelScore], abstained: Bool) {
        self.label = label
        self.secondary = secondary
        self.scores = scores
        self.abstained = abstained
    }

    /// The model's ``confidence``, when it has an ``AnswerConfidence`` map.
    private var answerConfidence: Float?

    private enum CodingKeys: String, CodingKey { case label, secondary, scores, abstained, answerConfidence = "confidence" }

    /// The probability that ``label`` is the document's primary label, calibrated on
    /// held-out decisions when the model was trained (``AnswerConfidence``); for a model
    /// without that map (format version 3 and older), the probability of ``label`` itself.
    /// This is what `docsift eval` checks the calibration of.
    public var confidence: Float {
        get { answerConfidence ?? probability(of: label) }
        set { answerConfidence = newValue }
    }

    /// The label with the highest probability before the abstain rule.
    public var topLabel: String {
        scores.max { $0.probability < $1.probability }?.label ?? label
    }
}
