#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The probability that a document's answered label is its primary label: a Platt map over
/// the answered label's own probability (as a logit) and whether the answer was an
/// abstention, fitted on out-of-fold decisions when the model was trained.
///
/// A label's probability in ``DecisionRule/probabilities(_:)`` answers "is the document about
/// this label", secondary topics included, and each label is calibrated on its own. Whether
/// the answered label is right is a different question: the label is chosen by raw score
/// and an abstain threshold, and an article about two topics has only one primary label.
/// On the seeds (leave one page out) the answered label's own probability had ECE 0.148:
/// right answers at 0.14–0.61 where another label's calibration disagreed with the raw
/// scores, and wrong ones at 0.97 on articles that were also about the answered topic.
public struct AnswerConfidence: Sendable, Equatable {
    /// Slope of the logit of the answered label's probability.
    public let slope: Float
    /// Added to the logit when the answer is an abstention.
    public let abstainedShift: Float
    /// Intercept.
    public let intercept: Float

    /// A map with these coefficients.
    public init(slope: Float, abstainedShift: Float, intercept: Float) {
        self.slope = slope
        self.abstainedShift = abstainedShift
        self.intercept = intercept
    }

    /// Whether every coefficient is finite (a model file check).
    var isFinite: Bool { slope.isFinite && abstainedShift.isFinite && intercept.isFinite }

    /// How close to 0 or 1 a probability may come before its logit is taken (closer ones
    /// are clamped to this distance).
    static let probabilityFloor: Float = 1e-6

    /// The logit of `probability`, clamped to `probabilityFloor…1 − probabilityFloor`: the
    /// feature the map reads.
    static func logit(_ probability: Float) -> Float {
        let p = min(max(probability, probabilityFloor), 1 - probabilityFloor)
        return logf(p / (1 - p))
    }

    /// The probability that the answer is right, for the answered label's probability and
    /// whether the answer was an abstention.
    public func probability(answered probability: Float, abstained: Bool) -> Float {
        let z = slope * AnswerConfidence.logit(probability) + (abstained ? abstainedShift : 0) + intercept
        return z >= 0 ? 1 / (1 + expf(-z)) : expf(z) / (1 + expf(z))
    }
}
