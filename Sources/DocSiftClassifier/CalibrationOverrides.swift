extension TopicModel {
    /// This model with the user's thresholds in place of the tuned ones (`docsift label
    /// --threshold TOPIC=P --secondary-min P`).
    ///
    /// - Parameters:
    ///   - primary: topic → the probability the topic needs to be answered as the label
    ///     (below it the model abstains, when it has an abstain label).
    ///   - secondaryMinimum: when given, the probability every topic needs to be listed as
    ///     secondary, replacing the per-topic thresholds.
    /// - Throws: ``ThresholdOverrideError`` for an unknown topic or a probability outside [0, 1].
    public func withThresholds(primary: [String: Float] = [:], secondaryMinimum: Float? = nil) throws -> TopicModel {
        var copy = self
        for (topic, value) in primary.sorted(by: { $0.key < $1.key }) {
            guard let index = labels.firstIndex(of: topic) else {
                throw ThresholdOverrideError.unknownTopic(topic, known: labels)
            }
            guard value.isFinite, value >= 0, value <= 1 else { throw ThresholdOverrideError.outOfRange(name: topic, value: value) }
            copy.rule.abstainThresholds[index] = value
        }
        if let secondaryMinimum {
            guard secondaryMinimum.isFinite, secondaryMinimum >= 0, secondaryMinimum <= 1 else {
                throw ThresholdOverrideError.outOfRange(name: "secondary minimum", value: secondaryMinimum)
            }
            for index in labels.indices where index != rule.abstainIndex {
                copy.rule.secondaryThresholds[index] = secondaryMinimum
            }
        }
        return copy
    }

    /// The thresholds this model applies: topic → (primary, secondary); a secondary
    /// threshold above 1 means the topic is never listed as secondary.
    public var thresholds: [(topic: String, primary: Float, secondary: Float)] {
        labels.indices.map { (labels[$0], rule.abstainThresholds[$0], rule.secondaryThresholds[$0]) }
    }
}
