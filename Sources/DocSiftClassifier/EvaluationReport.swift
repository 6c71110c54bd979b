/// What `docsift eval --json` writes, and what a service encoding an evaluation gets: the
/// keys of ``ClassificationMetrics`` (`labels`, `count`, `accuracy`, `macro_f1`,
/// `macro_labels`, `per_class`, `confusion_matrix`), then `folds` (cross-validation) and
/// `seconds` when known. One schema for the library and the command line.
public struct EvaluationReport: Sendable, Codable, Equatable {
    /// The pooled metrics.
    public var metrics: ClassificationMetrics
    /// Per-group results of a cross-validation, in sorted group order.
    public var folds: [CrossValidationReport.Fold]?
    /// Wall time of the evaluation.
    public var seconds: Double?

    /// A report of `metrics`, with the folds and time when there are any.
    public init(metrics: ClassificationMetrics, folds: [CrossValidationReport.Fold]? = nil, seconds: Double? = nil) {
        self.metrics = metrics
        self.folds = folds
        self.seconds = seconds
    }

    private enum CodingKeys: String, CodingKey {
        case folds, seconds
    }

    /// Decodes the flat object written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        metrics = try ClassificationMetrics(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        folds = try container.decodeIfPresent([CrossValidationReport.Fold].self, forKey: .folds)
        seconds = try container.decodeIfPresent(Double.self, forKey: .seconds)
    }

    /// One flat object: the metrics' members, `folds` and `seconds`.
    public func encode(to encoder: any Encoder) throws {
        try metrics.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(folds, forKey: .folds)
        try container.encodeIfPresent(seconds, forKey: .seconds)
    }
}
