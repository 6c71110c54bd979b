import DocSiftFeatures
import DocSiftLinearAlgebra

/// The decision rule of a training run, from out-of-fold predictions inside the training
/// examples (and background examples, spread over the same folds): per-label calibration (`CalibrationFitting`), abstain thresholds
/// (``ThresholdSelection/choose(probabilities:truth:labelCount:abstainIndex:base:maximum:)``)
/// and secondary thresholds for precision
/// (``ThresholdSelection/chooseSecondary(probabilities:about:labelCount:abstainIndex:rule:)``).
extension TopicClassifierTrainer {
    /// Out-of-fold examples needed to calibrate; with fewer, the softmax rule is kept.
    static let minimumCalibrationExamples = 10
    /// Examples from which calibration fits no inner folds: an exact fit gives its
    /// closed-form leave-one-out scores, an iterative one is calibrated on one held-out fold.
    static let singleHoldOutMinimum = 1_000

    /// The rule for a model over `labels`, from inner cross-validation folds of `examples`
    /// (prepared text). Background examples join every fit and are never held out.
    ///
    /// `leaveOneOut`, when given, holds the final fit's leave-one-out scores of every row
    /// (examples, then background examples): they are the out-of-fold predictions, and no
    /// fold is fitted.
    func calibratedRule(examples: [LabeledText], backgroundExamples: [LabeledText], pseudo: [LabeledText],
                        backgroundFrequencies: DocumentFrequencies?, labels: [String], abstainIndex: Int?,
                        leaveOneOut: DenseMatrix? = nil) throws -> DecisionRule {
        let c = labels.count
        let softmax = DecisionRule(
            softmaxScale: options.softmaxScale, abstainIndex: abstainIndex,
            abstainThresholds: [Float](repeating: 0, count: c),
            secondaryThresholds: labels.indices.map { $0 == abstainIndex ? ThresholdSelection.never : options.minimumSecondaryProbability })
        guard examples.count >= Self.minimumCalibrationExamples else { return softmax }
        let folds = Self.innerFolds(examples, fallbackFolds: options.thresholdFolds)
        // A large corpus fitted iteratively is calibrated on one held-out fold (a fifth of it
        // by default): one extra fit instead of one per fold, and still thousands of
        // out-of-fold predictions.
        let usedFolds = examples.count >= Self.singleHoldOutMinimum ? 1 : folds.count
        var scores: [[Float]] = []
        var truth: [Int] = []
        var about: [Set<Int>] = []
        var isBackground: [Bool] = []
        func record(_ example: LabeledText, background: Bool) {
            let primary = labels.firstIndex(of: example.label) ?? abstainIndex ?? 0
            truth.append(primary)
            about.append(Set([primary] + (example.secondary ?? []).compactMap { labels.firstIndex(of: $0) }))
            isBackground.append(background)
        }
        let closedForm = leaveOneOut.flatMap { $0.rows == examples.count + backgroundExamples.count && $0.columns == c ? $0 : nil }
        if let leaveOneOut = closedForm {
            scores = (0..<leaveOneOut.rows).map { Array(leaveOneOut.values[$0 * c..<($0 + 1) * c]) }
            for example in examples { record(example, background: false) }
            for example in backgroundExamples { record(example, background: true) }
        }
        for (foldNumber, fold) in folds.enumerated() where foldNumber < usedFolds && closedForm == nil {
            let held = Set(fold)
            let train = examples.indices.filter { !held.contains($0) }.map { examples[$0] }
            guard !train.isEmpty else { continue }
            // Background examples are spread over the folds too, so that calibration and the
            // secondary thresholds also see general news the fit did not.
            let heldBackground = backgroundExamples.indices.filter { $0 % folds.count == foldNumber }.map { backgroundExamples[$0] }
            let keptBackground = backgroundExamples.indices.filter { $0 % folds.count != foldNumber }.map { backgroundExamples[$0] }
            let part = try fit(examples: train, extra: keptBackground, pseudo: pseudo, background: backgroundFrequencies, labels: labels)
            let counts = NGramCounts()
            let heldOut = fold.map { examples[$0] } + heldBackground
            let vectors = heldOut.map { part.vectorizer.transform($0.text, using: counts) }
            scores += try Self.scores(vectors, weights: part.weights, bias: part.bias)
            for (k, example) in heldOut.enumerated() { record(example, background: k >= fold.count) }
        }
        guard scores.count >= Self.minimumCalibrationExamples else { return softmax }
        let targets = (0..<c).map { label in about.map { $0.contains(label) } }
        let method = calibrationMethod ?? CalibrationFitting.method(targets: targets)
        var rule = softmax
        rule.calibrations = CalibrationFitting.fit(scores: scores, targets: targets, method: method)
        let probabilities = scores.map { rule.probabilities($0) }
        if let abstainIndex, options.selectsThresholds {
            // Abstain thresholds maximize macro-F1 on the labeled examples alone.
            let own = probabilities.indices.filter { !isBackground[$0] }
            rule.abstainThresholds = ThresholdSelection.choose(
                probabilities: own.map { probabilities[$0] }, scores: own.map { scores[$0] }, truth: own.map { truth[$0] }, labelCount: c,
                abstainIndex: abstainIndex, base: rule, maximum: options.maximumAbstainThreshold)
        }
        rule.answerConfidence = Self.answerConfidence(probabilities: probabilities, scores: scores, truth: truth, rule: rule)
        rule.secondaryThresholds = ThresholdSelection.chooseSecondary(
            probabilities: probabilities, scores: scores, about: about, labelCount: c, abstainIndex: abstainIndex, rule: rule)
        return rule
    }

    /// The map from an answered label's probability to the probability that the answer is
    /// right, fitted on the out-of-fold decisions of `rule` (labeled and background examples
    /// alike: background news is what most documents a user labels look like).
    static func answerConfidence(probabilities: [[Float]], scores: [[Float]], truth: [Int], rule: DecisionRule) -> AnswerConfidence {
        var answered: [Float] = [], abstained: [Float] = [], right: [Bool] = []
        for (k, p) in probabilities.enumerated() {
            let decision = rule.decide(p, scores: scores[k])
            answered.append(AnswerConfidence.logit(p[decision.label]))
            abstained.append(decision.abstained ? 1 : 0)
            right.append(decision.label == truth[k])
        }
        let map = CalibrationFitting.platt(answered, abstained, right)
        return AnswerConfidence(slope: map.slope, abstainedShift: map.marginSlope, intercept: map.intercept)
    }
}
