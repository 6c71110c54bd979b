/// Chooses per-topic abstain thresholds from out-of-fold probabilities: coordinate ascent
/// over a grid, maximizing macro-F1 of the resulting decisions. Among equally good values
/// the middle of the first best run is taken, which is less brittle than its edge. When no
/// value changes macro-F1 at all (no held-out document's decision depends on the topic's
/// threshold, e.g. a topic with one or no training article), the held-out predictions say
/// nothing about it, and the threshold is the grid value nearest ``noEvidenceThreshold``.
enum ThresholdSelection {
    /// Candidate thresholds 0, 0.05, …, 0.95 (up to the caller's maximum).
    static let grid: [Float] = (0..<20).map { Float($0) * 0.05 }
    /// The threshold of a topic the out-of-fold predictions give no evidence about: where a
    /// calibrated probability says the document is as likely about the topic as not. (The
    /// middle of an all-equal grid capped at 0.5 was 0.25: on the seeds, leave one page out,
    /// an `other` article was answered `anti_fraud` at probability 0.27, the one seed topic with a
    /// single article; macro-F1 0.852 → 0.926 with this rule, the shipped model's labels of
    /// its 37 seeds unchanged.)
    static let noEvidenceThreshold: Float = 0.5

    /// Thresholds per label (0 for the abstain label) for the given out-of-fold
    /// probabilities and true label indices.
    static func choose(probabilities: [[Float]], scores: [[Float]]? = nil, truth: [Int], labelCount: Int, abstainIndex: Int,
                       base: DecisionRule, maximum: Float = 1) -> [Float] {
        let grid = ThresholdSelection.grid.filter { $0 <= maximum + 1e-6 }
        let rawScores = scores
        var thresholds = [Float](repeating: 0, count: labelCount)
        guard !probabilities.isEmpty else { return thresholds }
        for _ in 0..<2 {
            for label in 0..<labelCount where label != abstainIndex {
                var results: [Double] = []
                for candidate in grid {
                    var trial = thresholds
                    trial[label] = candidate
                    results.append(macroF1(probabilities, rawScores, truth, labelCount, abstainIndex, trial, base))
                }
                guard let best = results.max() else { continue }
                if results.allSatisfy({ $0 == best }) {
                    thresholds[label] = grid.min { abs($0 - noEvidenceThreshold) < abs($1 - noEvidenceThreshold) } ?? 0
                    continue
                }
                let first = results.firstIndex(of: best) ?? 0
                var last = first
                while last + 1 < results.count && results[last + 1] == best { last += 1 }
                thresholds[label] = grid[(first + last) / 2]
            }
        }
        return thresholds
    }

    private static func macroF1(_ probabilities: [[Float]], _ scores: [[Float]]?, _ truth: [Int], _ labelCount: Int,
                                _ abstainIndex: Int, _ thresholds: [Float], _ base: DecisionRule) -> Double {
        var rule = base
        rule.abstainIndex = abstainIndex
        rule.abstainThresholds = thresholds
        var predicted: [Int] = []
        for (k, p) in probabilities.enumerated() { predicted.append(rule.decide(p, scores: scores?[k]).label) }
        return ClassificationMetrics.macroF1(truth: truth, predicted: predicted, labelCount: labelCount)
    }
}

extension ThresholdSelection {
    /// The precision a listed secondary topic must reach on out-of-fold predictions.
    static let secondaryPrecision = 0.8
    /// Out-of-fold documents listing a topic (at the pooled threshold) needed before that
    /// topic gets a threshold of its own; fewer share the threshold pooled over all topics.
    static let secondaryEvidence = 10
    /// The threshold that means "never listed".
    static let never: Float = 1.5

    /// Secondary thresholds per label (``never`` for the abstain label): the lowest grid
    /// value from which on every higher value keeps precision ≥ ``secondaryPrecision``, a
    /// listed topic counting as right when the document is about it (`about[example]`
    /// holds its primary and secondary label indices). Chosen per topic when the topic has
    /// ``secondaryEvidence`` listings, else pooled over topics; ``never`` when no value
    /// reaches the precision.
    static func chooseSecondary(probabilities: [[Float]], scores: [[Float]]? = nil, about: [Set<Int>], labelCount: Int,
                                abstainIndex: Int?, rule: DecisionRule) -> [Float] {
        let candidates: [Float] = (1..<20).map { Float($0) * 0.05 }
        var thresholds = [Float](repeating: never, count: labelCount)
        guard !probabilities.isEmpty else { return thresholds }
        // Per candidate and label: (listed, right).
        var listed = [[Int]](repeating: [Int](repeating: 0, count: labelCount), count: candidates.count)
        var right = listed
        for (k, p) in probabilities.enumerated() {
            let ranking = scores?[k] ?? p
            let decision = rule.decide(p, scores: scores?[k])
            var best = 0
            for i in ranking.indices where ranking[i] > ranking[best] { best = i }
            for label in 0..<labelCount where label != decision.label && label != best && label != abstainIndex {
                for (c, candidate) in candidates.enumerated() where p[label] >= candidate {
                    listed[c][label] += 1
                    if about[k].contains(label) { right[c][label] += 1 }
                }
            }
        }
        /// The lowest candidate index from which on precision holds, or nil.
        func lowest(_ counts: (Int) -> (listed: Int, right: Int)) -> Int? {
            var found: Int?
            for c in candidates.indices.reversed() {
                let (n, r) = counts(c)
                if n == 0 { continue }
                if Double(r) / Double(n) >= secondaryPrecision { found = c } else { break }
            }
            return found
        }
        let topics = (0..<labelCount).filter { $0 != abstainIndex }
        let pooled = lowest { c in (topics.reduce(0) { $0 + listed[c][$1] }, topics.reduce(0) { $0 + right[c][$1] }) }
        for label in topics {
            let evidence = pooled.map { listed[$0][label] } ?? listed[0][label]
            if evidence >= secondaryEvidence {
                thresholds[label] = lowest { c in (listed[c][label], right[c][label]) }.map { candidates[$0] } ?? never
            } else {
                thresholds[label] = pooled.map { candidates[$0] } ?? never
            }
        }
        return thresholds
    }
}
