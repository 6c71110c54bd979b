#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a document's scores into probabilities, a label, secondary topics and the
/// abstain decision.
///
/// With ``calibrations`` (every model trained since format version 3), each label's
/// probability is its own calibrated one-vs-rest estimate of "the document is about this
/// label": they need not sum to 1. Without them (older model files), probabilities are
/// `softmax(softmaxScale · scores)`.
public struct DecisionRule: Sendable, Equatable {
    /// Probabilities are `softmax(softmaxScale · scores)` when there are no calibrations.
    public var softmaxScale: Float
    /// Index of the abstain label, if the model abstains.
    public var abstainIndex: Int?
    /// Per label: the top label is kept only when its probability reaches this value;
    /// otherwise the abstain label is answered. Ignored for the abstain label itself.
    public var abstainThresholds: [Float]
    /// Per label: the probability a label needs to be listed as secondary (above 1: never).
    public var secondaryThresholds: [Float]
    /// Per label: the map from raw score to probability; `nil` for the softmax of older models.
    public var calibrations: [ScoreCalibration]?
    /// The map to the probability that the answered label is right; `nil` for models from
    /// before format version 4, whose confidence is the answered label's own probability.
    public var answerConfidence: AnswerConfidence?

    /// A rule over `labelCount` labels.
    public init(softmaxScale: Float, abstainIndex: Int?, abstainThresholds: [Float], secondaryThresholds: [Float],
                calibrations: [ScoreCalibration]? = nil, answerConfidence: AnswerConfidence? = nil) {
        self.softmaxScale = softmaxScale
        self.abstainIndex = abstainIndex
        self.abstainThresholds = abstainThresholds
        self.secondaryThresholds = secondaryThresholds
        self.calibrations = calibrations
        self.answerConfidence = answerConfidence
    }

    /// The probability that `label`, answered from `probabilities` (an abstention when
    /// `abstained`), is the document's primary label: ``answerConfidence`` when the model has
    /// one, else the label's own probability.
    public func confidence(_ probabilities: [Float], label: Int, abstained: Bool) -> Float {
        guard probabilities.indices.contains(label) else { return 0 }
        guard let answerConfidence else { return probabilities[label] }
        return answerConfidence.probability(answered: probabilities[label], abstained: abstained)
    }

    /// Each label's probability: calibrated per label, or `softmax(softmaxScale · scores)`
    /// (computed stably) for a model without calibrations.
    public func probabilities(_ scores: [Float]) -> [Float] {
        if let calibrations, calibrations.count == scores.count {
            let margins = DecisionRule.margins(scores)
            return scores.indices.map { calibrations[$0].probability(score: scores[$0], margin: margins[$0]) }
        }
        guard let top = scores.max() else { return [] }
        var exps = scores.map { expf(softmaxScale * ($0 - top)) }
        let sum = exps.reduce(0, +)
        if sum > 0 { for i in exps.indices { exps[i] /= sum } }
        return exps
    }

    /// Per label: its score minus the highest other score (its own score when alone).
    static func margins(_ scores: [Float]) -> [Float] {
        guard scores.count >= 2 else { return scores }
        var best = 0
        for i in scores.indices where scores[i] > scores[best] { best = i }
        var second = best == 0 ? 1 : 0
        for i in scores.indices where i != best && scores[i] > scores[second] { second = i }
        return scores.indices.map { scores[$0] - scores[$0 == best ? second : best] }
    }

    /// The chosen label index, whether it was an abstention, and secondary label indices.
    /// The most probable label is chosen (for a calibrated model, the label with the highest
    /// raw score: see `scores`); a topic below its abstain threshold gives the abstain label instead. A label other than the chosen one, the abstain label and the
    /// most probable label of an abstention is secondary when it reaches its secondary
    /// threshold. An empty array (no labels) gives index 0, not abstained, no secondary labels.
    /// - Parameters:
    ///   - probabilities: each label's probability (``probabilities(_:)`` of the raw scores).
    ///   - scores: the raw scores, when the label is to be the one with the highest
    ///   score (calibrated models). Per-label calibration may reorder labels a little; the
    ///   score order is the fit's own decision, and on the seeds (leave one page out, cnews
    ///   background, minimum document frequency 2) it gave macro-F1 0.852 against 0.793, before
    ///   the no-evidence threshold rule of `ThresholdSelection`.
    public func decide(_ probabilities: [Float], scores: [Float]? = nil) -> (label: Int, abstained: Bool, secondary: [Int]) {
        guard !probabilities.isEmpty else { return (0, false, []) }
        let ranking = scores.flatMap { $0.count == probabilities.count ? $0 : nil } ?? probabilities
        var best = 0
        for i in ranking.indices where ranking[i] > ranking[best] { best = i }
        var label = best
        var abstained = false
        if let abstainIndex, best != abstainIndex, best < abstainThresholds.count,
           probabilities[best] < abstainThresholds[best] {
            label = abstainIndex
            abstained = true
        }
        var secondary: [Int] = []
        for i in probabilities.indices where i != label && i != best && i != abstainIndex && i < secondaryThresholds.count {
            if probabilities[i] >= secondaryThresholds[i] { secondary.append(i) }
        }
        secondary.sort { probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1 }
        return (label, abstained, secondary)
    }

    /// How far a decision is from going another way: the gap between the two most probable
    /// labels, and for an abstaining rule also the top topic's distance from its abstain
    /// threshold, whichever is smaller (1 for fewer than two labels).
    public func margin(_ probabilities: [Float]) -> Float {
        guard probabilities.count >= 2 else { return 1 }
        var best = 0
        for i in probabilities.indices where probabilities[i] > probabilities[best] { best = i }
        var second = best == 0 ? 1 : 0
        for i in probabilities.indices where i != best && probabilities[i] > probabilities[second] { second = i }
        var margin = probabilities[best] - probabilities[second]
        if let abstainIndex, best != abstainIndex, best < abstainThresholds.count {
            margin = min(margin, abs(probabilities[best] - abstainThresholds[best]))
        }
        return margin
    }
}
