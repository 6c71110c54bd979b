/// The classifier's answer for one document.
public struct TopicPrediction: Sendable, Codable, Equatable {
    /// One label's score.
    public struct LabelScore: Sendable, Codable, Equatable {
        /// The label.
        public var label: String
        /// The softmax probability (sums to 1 over the labels).
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

    /// The label with the highest probability before the abstain rule.
    public var topLabel: String {
        scores.max { $0.probability < $1.probability }?.label ?? label
    }
}
