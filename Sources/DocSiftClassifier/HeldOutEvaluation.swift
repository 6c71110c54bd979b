extension TopicModel {
    /// Metrics of this model on labeled examples it was not trained on (batch path).
    public func evaluate(_ examples: [LabeledText]) -> ClassificationMetrics {
        let predictions = classify(examples.map(\.text))
        return ClassificationMetrics(truth: examples.map(\.label), predicted: predictions.map(\.label), labels: labels)
    }
}
