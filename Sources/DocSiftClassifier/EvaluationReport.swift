/// What `docsift eval --json` writes, and what a service encoding an evaluation gets: the
/// keys of ``ClassificationMetrics`` (`labels`, `count`, `accuracy`, `macro_f1`,
/// `macro_labels`, `per_class`, `confusion_matrix`), then `abstain_rate`, `calibration`
/// (ECE and the reliability table of each answered label's confidence), `secondary` (when
/// the gold records carry secondary topics), `folds` (cross-validation) and `seconds` when
/// known. One schema for the library and the command line.
public struct EvaluationReport: Sendable, Codable, Equatable {
    /// The pooled metrics.
    public var metrics: ClassificationMetrics
    /// The fraction of documents on which the model abstained.
    public var abstainRate: Double?
    /// Calibration of the answered label's confidence (``TopicPrediction/confidence``).
    public var calibration: CalibrationReport?
    /// Secondary topics against gold ones, when the gold has them.
    public var secondary: SecondaryTopicMetrics?
    /// Per-group results of a cross-validation, in sorted group order.
    public var folds: [CrossValidationReport.Fold]?
    /// Wall time of the evaluation.
    public var seconds: Double?

    /// A report of `metrics`, with the other parts when there are any.
    public init(metrics: ClassificationMetrics, abstainRate: Double? = nil, calibration: CalibrationReport? = nil,
                secondary: SecondaryTopicMetrics? = nil, folds: [CrossValidationReport.Fold]? = nil, seconds: Double? = nil) {
        self.metrics = metrics
        self.abstainRate = abstainRate
        self.calibration = calibration
        self.secondary = secondary
        self.folds = folds
        self.seconds = seconds
    }

    /// The full report of `predictions` on `examples` (same order): metrics in `labels`
    /// order, abstain rate, calibration (10 bins) and, when every example records
    /// secondary topics, secondary metrics.
    public init(examples: [LabeledText], predictions: [TopicPrediction], labels: [String],
                folds: [CrossValidationReport.Fold]? = nil, seconds: Double? = nil) {
        let n = min(examples.count, predictions.count)
        let truth = examples.prefix(n).map(\.label)
        let answered = predictions.prefix(n)
        metrics = ClassificationMetrics(truth: truth, predicted: answered.map(\.label), labels: labels)
        abstainRate = n > 0 ? Double(answered.filter(\.abstained).count) / Double(n) : 0
        calibration = CalibrationReport(confidences: answered.map(\.confidence),
                                        correct: zip(truth, answered).map { $0 == $1.label })
        let gold = examples.prefix(n).map(\.secondary)
        secondary = !gold.isEmpty && gold.allSatisfy({ $0 != nil })
            ? SecondaryTopicMetrics(predicted: answered.map(\.secondary), truth: truth, goldSecondary: gold.map { $0 ?? [] })
            : nil
        self.folds = folds
        self.seconds = seconds
    }

    private enum CodingKeys: String, CodingKey {
        case abstainRate = "abstain_rate"
        case calibration, secondary, folds, seconds
    }

    /// Decodes the flat object written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        metrics = try ClassificationMetrics(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        abstainRate = try container.decodeIfPresent(Double.self, forKey: .abstainRate)
        calibration = try container.decodeIfPresent(CalibrationReport.self, forKey: .calibration)
        secondary = try container.decodeIfPresent(SecondaryTopicMetrics.self, forKey: .secondary)
        folds = try container.decodeIfPresent([CrossValidationReport.Fold].self, forKey: .folds)
        seconds = try container.decodeIfPresent(Double.self, forKey: .seconds)
    }

    /// One flat object: the metrics' members, then the other parts that are present.
    public func encode(to encoder: any Encoder) throws {
        try metrics.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(abstainRate, forKey: .abstainRate)
        try container.encodeIfPresent(calibration, forKey: .calibration)
        try container.encodeIfPresent(secondary, forKey: .secondary)
        try container.encodeIfPresent(folds, forKey: .folds)
        try container.encodeIfPresent(seconds, forKey: .seconds)
    }
}
