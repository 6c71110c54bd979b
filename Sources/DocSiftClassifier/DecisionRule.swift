#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a document's scores into probabilities, a label, secondary topics and the
/// abstain decision.
public struct DecisionRule: Sendable, Equatable {
    /// Probabilities are `softmax(softmaxScale · scores)`.
    public var softmaxScale: Float
    /// Index of the abstain label, if the model abstains.
    public var abstainIndex: Int?
    /// Per label: the top label is kept only when its probability reaches this value;
    /// otherwise the abstain label is answered. Ignored for the abstain label itself.
    public var abstainThresholds: [Float]
    /// Per label: the probability a label needs to be listed as secondary.
    public var secondaryThresholds: [Float]

    /// A rule over `labelCount` labels.
    public init(softmaxScale: Float, abstainIndex: Int?, abstainThresholds: [Float], secondaryThresholds: [Float]) {
        self.softmaxScale = softmaxScale
        self.abstainIndex = abstainIndex
        self.abstainThresholds = abstainThresholds
        self.secondaryThresholds = secondaryThresholds
    }

    /// `softmax(softmaxScale · scores)`, computed stably.
    public func probabilities(_ scores: [Float]) -> [Float] {
        guard let top = scores.max() else { return [] }
        var exps = scores.map { expf(softmaxScale * ($0 - top)) }
        let sum = exps.reduce(0, +)
        if sum > 0 { for i in exps.indices { exps[i] /= sum } }
        return exps
    }

    /// The chosen label index, whether it was an abstention, and secondary label indices.
    /// An empty array (no labels) gives index 0, not abstained, no secondary labels.
    public func decide(_ probabilities: [Float]) -> (label: Int, abstained: Bool, secondary: [Int]) {
        guard !probabilities.isEmpty else { return (0, false, []) }
        var best = 0
        for i in probabilities.indices where probabilities[i] > probabilities[best] { best = i }
        var label = best
        var abstained = false
        if let abstainIndex, best != abstainIndex, best < abstainThresholds.count,
           probabilities[best] < abstainThresholds[best] {
            label = abstainIndex
            abstained = true
        }
        var secondary: [Int] = []
        for i in probabilities.indices where i != label && i != abstainIndex && i < secondaryThresholds.count {
            if probabilities[i] >= secondaryThresholds[i] { secondary.append(i) }
        }
        secondary.sort { probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1 }
        return (label, abstained, secondary)
    }
}
