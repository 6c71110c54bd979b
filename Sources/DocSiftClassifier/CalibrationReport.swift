/// How well the primary label's probability matches how often the label is right: expected
/// calibration error over equal-width bins, with the reliability table. Encodes as
/// `{"ece","bins":[{"lower","upper","count","confidence","accuracy"}]}`.
public struct CalibrationReport: Sendable, Codable, Equatable {
    /// One probability bin `[lower, upper)` (the last bin includes 1).
    public struct Bin: Sendable, Codable, Equatable {
        /// Lower edge.
        public var lower: Double
        /// Upper edge.
        public var upper: Double
        /// Predictions whose probability falls in the bin.
        public var count: Int
        /// Their mean probability (0 when empty).
        public var confidence: Double
        /// The fraction of them that are right (0 when empty).
        public var accuracy: Double
    }

    /// Expected calibration error: Σ over bins of (count / total) · |accuracy − confidence|.
    public var ece: Double
    /// The reliability table, lowest bin first.
    public var bins: [Bin]

    /// The report of `confidences` (each answered label's confidence) against
    /// `correct` (whether that label was right), over `binCount` equal-width bins.
    public init(confidences: [Float], correct: [Bool], binCount: Int = 10) {
        let bins = max(1, binCount)
        var counts = [Int](repeating: 0, count: bins)
        var sums = [Double](repeating: 0, count: bins)
        var hits = [Int](repeating: 0, count: bins)
        for (p, right) in zip(confidences, correct) {
            let value = Double(p.isFinite ? min(max(p, 0), 1) : 0)
            let bin = min(bins - 1, Int(value * Double(bins)))
            counts[bin] += 1
            sums[bin] += value
            if right { hits[bin] += 1 }
        }
        let total = counts.reduce(0, +)
        var ece = 0.0
        self.bins = (0..<bins).map { b in
            let n = counts[b]
            let confidence = n > 0 ? sums[b] / Double(n) : 0
            let accuracy = n > 0 ? Double(hits[b]) / Double(n) : 0
            if total > 0 { ece += Double(n) / Double(total) * abs(accuracy - confidence) }
            return Bin(lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), count: n,
                       confidence: confidence, accuracy: accuracy)
        }
        self.ece = ece
    }
}
