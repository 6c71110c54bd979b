/// Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix of a set of
/// predictions. Encodes as `{"accuracy", "macro_f1", "per_class", "confusion_matrix", …}`.
public struct ClassificationMetrics: Sendable, Codable, Equatable {
    /// One label's figures.
    public struct ClassMetrics: Sendable, Codable, Equatable {
        /// Correct predictions of the label over all predictions of it (0 when never predicted).
        public var precision: Double
        /// Correct predictions of the label over its true occurrences (0 when absent).
        public var recall: Double
        /// Harmonic mean of precision and recall (0 when both are 0).
        public var f1: Double
        /// True occurrences.
        public var support: Int
        /// Times the label was predicted.
        public var predicted: Int
    }

    /// Row and column order of ``confusion``.
    public let labels: [String]
    /// Number of predictions.
    public let count: Int
    /// Fraction predicted correctly.
    public let accuracy: Double
    /// Mean F1 over the labels present in the truth (``macroLabels``).
    public let macroF1: Double
    /// The labels macro-F1 averages over.
    public let macroLabels: [String]
    /// Figures per label (every label seen in truth or predictions).
    public let perClass: [String: ClassMetrics]
    /// `confusion[t][p]`: documents of true label `labels[t]` predicted as `labels[p]`.
    public let confusion: [[Int]]

    enum CodingKeys: String, CodingKey {
        case labels, count, accuracy
        case macroF1 = "macro_f1"
        case macroLabels = "macro_labels"
        case perClass = "per_class"
        case confusion = "confusion_matrix"
    }

    /// Metrics of `predicted` against `truth` (same length; extra entries are ignored).
    /// `labels` fixes the order; labels seen but not listed are appended sorted.
    public init(truth: [String], predicted: [String], labels: [String] = []) {
        let n = min(truth.count, predicted.count)
        var order = labels
        order += Set(truth.prefix(n) + predicted.prefix(n)).subtracting(labels).sorted()
        let indexOf = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: order.count), count: order.count)
        var correct = 0
        for i in 0..<n {
            guard let t = indexOf[truth[i]], let p = indexOf[predicted[i]] else { continue }
            confusion[t][p] += 1
            if t == p { correct += 1 }
        }
        var perClass: [String: ClassMetrics] = [:]
        var present: [String] = []
        var f1Sum = 0.0
        for (k, label) in order.enumerated() {
            let support = confusion[k].reduce(0, +)
            let predictedCount = confusion.reduce(0) { $0 + $1[k] }
            let hits = confusion[k][k]
            let precision = predictedCount > 0 ? Double(hits) / Double(predictedCount) : 0
            let recall = support > 0 ? Double(hits) / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            if support > 0 || predictedCount > 0 {
                perClass[label] = ClassMetrics(precision: precision, recall: recall, f1: f1, support: support, predicted: predictedCount)
            }
            if support > 0 {
                present.append(label)
                f1Sum += f1
            }
        }
        self.labels = order
        self.count = n
        self.accuracy = n > 0 ? Double(correct) / Double(n) : 0
        self.macroF1 = present.isEmpty ? 0 : f1Sum / Double(present.count)
        self.macroLabels = present
        self.perClass = perClass
        self.confusion = confusion
    }

    /// Macro-F1 over the labels present in `truth`, for label indices (used when choosing thresholds).
    static func macroF1(truth: [Int], predicted: [Int], labelCount: Int) -> Double {
        var hits = [Int](repeating: 0, count: labelCount)
        var support = [Int](repeating: 0, count: labelCount)
        var made = [Int](repeating: 0, count: labelCount)
        for (t, p) in zip(truth, predicted) {
            support[t] += 1
            made[p] += 1
            if t == p { hits[t] += 1 }
        }
        var sum = 0.0
        var present = 0
        for k in 0..<labelCount where support[k] > 0 {
            present += 1
            let precision = made[k] > 0 ? Double(hits[k]) / Double(made[k]) : 0
            let recall = Double(hits[k]) / Double(support[k])
            sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        return present > 0 ? sum / Double(present) : 0
    }
}
