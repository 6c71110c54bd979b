import DocSiftFeatures

/// Grouped cross-validation: for every group (a page, a fold number) a model is trained
/// from the other groups (plus profiles and background) and predicts the held-out group.
/// Threshold selection inside each training run only sees that run's groups, so the
/// result is a nested cross-validation estimate.
public struct GroupedCrossValidation: Sendable {
    /// The trainer run once per group.
    public var trainer: TopicClassifierTrainer
    /// Profiles given to every training run.
    public var profiles: TopicProfiles?
    /// Background document frequencies for IDF, counted once.
    public var backgroundFrequencies: DocumentFrequencies?
    /// Background examples added to every training run (never held out).
    public var backgroundExamples: [LabeledText]

    /// Cross-validation with the given trainer, profiles and pre-counted background.
    public init(trainer: TopicClassifierTrainer, profiles: TopicProfiles? = nil,
                backgroundFrequencies: DocumentFrequencies? = nil, backgroundExamples: [LabeledText] = []) {
        self.trainer = trainer
        self.profiles = profiles
        self.backgroundFrequencies = backgroundFrequencies
        self.backgroundExamples = backgroundExamples
    }

    /// Cross-validation whose background texts are counted now (IDF, and background
    /// examples as the trainer's options say).
    public init(trainer: TopicClassifierTrainer, profiles: TopicProfiles?, background: [String]) {
        self.init(trainer: trainer, profiles: profiles,
                  backgroundFrequencies: background.isEmpty ? nil : trainer.backgroundFrequencies(background),
                  backgroundExamples: trainer.backgroundExamples(background))
    }

    /// Runs one fold per distinct group (in sorted order).
    /// - Throws: ``ClassifierError/invalidTraining(_:)`` when an example has no group or
    ///   there are fewer than two groups; training errors otherwise.
    /// - Parameters:
    ///   - examples: the labeled examples, each with its group.
    ///   - foldFinished: called after each fold with the number of folds done and
    ///   the number of documents predicted so far (for progress reports).
    public func run(_ examples: [LabeledText], foldFinished: (_ folds: Int, _ documents: Int) -> Void = { _, _ in })
        throws -> CrossValidationReport {
        guard examples.allSatisfy({ $0.group != nil }) else {
            throw ClassifierError.invalidTraining("grouped cross-validation needs a group on every example")
        }
        let groups = Set(examples.compactMap(\.group)).sorted()
        guard groups.count >= 2 else {
            throw ClassifierError.invalidTraining("grouped cross-validation needs at least two groups, found \(groups.count)")
        }
        var predicted = [String](repeating: "", count: examples.count)
        var predictions: [CrossValidationReport.Prediction] = []
        var folds: [CrossValidationReport.Fold] = []
        var labelOrder: [String] = []
        for group in groups {
            let heldOut = examples.indices.filter { examples[$0].group == group }
            let training = examples.filter { $0.group != group }
            let model = try trainer.train(
                examples: training, profiles: profiles, backgroundFrequencies: backgroundFrequencies,
                backgroundExamples: backgroundExamples)
            if labelOrder.isEmpty { labelOrder = model.labels }
            let results = model.classify(heldOut.map { examples[$0].text })
            var correct = 0
            for (k, index) in heldOut.enumerated() {
                predicted[index] = results[k].label
                if results[k].label == examples[index].label { correct += 1 }
                predictions.append(.init(index: index, group: group, truth: examples[index].label, prediction: results[k]))
            }
            folds.append(.init(group: group, count: heldOut.count,
                               accuracy: heldOut.isEmpty ? 0 : Double(correct) / Double(heldOut.count)))
            foldFinished(folds.count, predictions.count)
        }
        predictions.sort { $0.index < $1.index }
        let metrics = ClassificationMetrics(truth: examples.map(\.label), predicted: predicted, labels: labelOrder)
        let report = EvaluationReport(examples: examples, predictions: predictions.map(\.prediction), labels: labelOrder, folds: folds)
        return CrossValidationReport(metrics: metrics, folds: folds, predictions: predictions, evaluation: report)
    }
}

/// What ``GroupedCrossValidation`` measured: pooled metrics over all held-out predictions,
/// per-fold accuracy, and every prediction.
public struct CrossValidationReport: Sendable, Codable, Equatable {
    /// One held-out group.
    public struct Fold: Sendable, Codable, Equatable {
        /// The group's name.
        public var group: String
        /// Examples in it.
        public var count: Int
        /// Accuracy on it.
        public var accuracy: Double
    }

    /// One held-out example's prediction.
    public struct Prediction: Sendable, Codable, Equatable {
        /// Position of the example in the input.
        public var index: Int
        /// Its group.
        public var group: String
        /// Its true label.
        public var truth: String
        /// What the model trained without its group said.
        public var prediction: TopicPrediction
    }

    /// Metrics over all held-out predictions.
    public var metrics: ClassificationMetrics
    /// Per-group results, in sorted group order.
    public var folds: [Fold]
    /// Every prediction, in input order.
    public var predictions: [Prediction]
    /// The full report of the pooled predictions (calibration, abstain rate, secondary topics, folds).
    public var evaluation: EvaluationReport
}
