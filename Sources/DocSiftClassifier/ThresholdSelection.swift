/// Chooses per-topic abstain thresholds from out-of-fold probabilities: coordinate ascent
/// over a grid, maximizing macro-F1 of the resulting decisions. Among equally good values
/// the middle of the first best run is taken, which is less brittle than its edge.
enum ThresholdSelection {
    /// Candidate thresholds 0, 0.05, …, 0.95 (up to the caller's maximum).
    static let grid: [Float] = (0..<20).map { Float($0) * 0.05 }

    /// Thresholds per label (0 for the abstain label) for the given out-of-fold
    /// probabilities and true label indices.
    static func choose(probabilities: [[Float]], truth: [Int], labelCount: Int, abstainIndex: Int,
                       base: DecisionRule, maximum: Float = 1) -> [Float] {
        let grid = ThresholdSelection.grid.filter { $0 <= maximum + 1e-6 }
        var thresholds = [Float](repeating: 0, count: labelCount)
        guard !probabilities.isEmpty else { return thresholds }
        for _ in 0..<2 {
            for label in 0..<labelCount where label != abstainIndex {
                var scores: [Double] = []
                for candidate in grid {
                    var trial = thresholds
                    trial[label] = candidate
                    scores.append(macroF1(probabilities, truth, labelCount, abstainIndex, trial, base))
                }
                guard let best = scores.max() else { continue }
                let first = scores.firstIndex(of: best) ?? 0
                var last = first
                while last + 1 < scores.count && scores[last + 1] == best { last += 1 }
                thresholds[label] = grid[(first + last) / 2]
            }
        }
        return thresholds
    }

    private static func macroF1(_ probabilities: [[Float]], _ truth: [Int], _ labelCount: Int,
                                _ abstainIndex: Int, _ thresholds: [Float], _ base: DecisionRule) -> Double {
        var rule = base
        rule.abstainIndex = abstainIndex
        rule.abstainThresholds = thresholds
        var predicted: [Int] = []
        for p in probabilities { predicted.append(rule.decide(p).label) }
        return ClassificationMetrics.macroF1(truth: truth, predicted: predicted, labelCount: labelCount)
    }
}
