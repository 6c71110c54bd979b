extension TopicModel {
    /// Metrics of this model on labeled examples it was not trained on (batch path).
    public func evaluate(_ examples: [LabeledText]) -> ClassificationMetrics {
        let predictions = classify(examples.map(\.text))
        return ClassificationMetrics(truth: examples.map(\.label), predicted: predictions.map(\.label), labels: labels)
    }

    /// The full report of this model on labeled examples (see
    /// ``EvaluationReport/init(examples:predictions:labels:folds:seconds:)``), with the predictions.
    public func evaluationReport(_ examples: [LabeledText]) -> (report: EvaluationReport, predictions: [TopicPrediction]) {
        let predictions = classify(examples.map(\.text))
        return (EvaluationReport(examples: examples, predictions: predictions, labels: labels), predictions)
    }
}
