#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits ``ScoreCalibration`` maps on out-of-fold scores and binary targets ("is this
/// document about the label").
///
/// Which method a model gets is decided by the amount of evidence (measured on the seeds,
/// THUCNews titles and NLPCC headlines: see README, "Scores and probabilities"): isotonic
/// regression when every label has at least ``isotonicMinimum`` positive and negative
/// out-of-fold examples, Platt scaling otherwise. With few examples a step function follows
/// the noise of a handful of points; with thousands it also corrects the non-sigmoid shape
/// of a ridge score's reliability curve, which Platt scaling cannot.
enum CalibrationFitting {
    /// Positive and negative examples per label needed for isotonic regression.
    static let isotonicMinimum = 200

    /// The method for these per-label targets (`targets[label][example]`).
    static func method(targets: [[Bool]]) -> CalibrationMethod {
        let enough = targets.allSatisfy { column in
            let positives = column.lazy.filter { $0 }.count
            return positives >= isotonicMinimum && column.count - positives >= isotonicMinimum
        }
        return enough ? .isotonic : .platt
    }

    /// One map per label: `scores[example][label]`, `targets[label][example]`.
    /// `weights[example]` weighs each example in Platt's loss (isotonic regression counts each once).
    static func fit(scores: [[Float]], targets: [[Bool]], weights: [Double]? = nil, method: CalibrationMethod) -> [ScoreCalibration] {
        let margins = scores.map(DecisionRule.margins)
        return targets.indices.map { label in
            let column = scores.map { $0[label] }, marginColumn = margins.map { $0[label] }
            switch method {
            case .platt: return platt(column, marginColumn, targets[label], weights: weights)
            case .isotonic: return isotonic(marginColumn, targets[label])
            }
        }
    }

    /// Platt scaling over score and margin with Platt's smoothed targets (`(N₊+1)/(N₊+2)` and
    /// `1/(N₋+2)`), fitted by Newton's method with a backtracking line search (Lin, Lin and
    /// Weng, 2007) and a small ridge on the two slopes.
    static func platt(_ scores: [Float], _ margins: [Float], _ targets: [Bool], weights: [Double]? = nil) -> ScoreCalibration {
        let weight = weights ?? [Double](repeating: 1, count: scores.count)
        let positives = targets.indices.reduce(0.0) { $0 + (targets[$1] ? weight[$1] : 0) }
        let negatives = weight.reduce(0, +) - positives
        let high = (positives + 1) / (positives + 2), low = 1 / (negatives + 2)
        let t = targets.map { $0 ? high : low }
        let x = scores.indices.map { [Double(scores[$0]), Double(margins[$0]), 1.0] }
        let ridge = [1e-3, 1e-3, 0.0]
        var w = [0.0, 0.0, log((positives + 1) / (negatives + 1))]
        func loss(_ w: [Double]) -> Double {
            var sum = 0.5 * (ridge[0] * w[0] * w[0] + ridge[1] * w[1] * w[1])
            for i in x.indices {
                let z = w[0] * x[i][0] + w[1] * x[i][1] + w[2]
                // −[t log σ(z) + (1−t) log(1−σ(z))], computed stably.
                sum += weight[i] * (z >= 0 ? (1 - t[i]) * z + log1p(exp(-z)) : -t[i] * z + log1p(exp(z)))
            }
            return sum
        }
        var current = loss(w)
        for _ in 0..<100 {
            var g = [ridge[0] * w[0], ridge[1] * w[1], 0.0]
            var h = [[ridge[0] + 1e-9, 0, 0], [0, ridge[1] + 1e-9, 0], [0, 0, 1e-9]]
            for i in x.indices {
                let z = w[0] * x[i][0] + w[1] * x[i][1] + w[2]
                let p = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
                let d = weight[i] * (p - t[i]), v = weight[i] * p * (1 - p)
                for r in 0..<3 {
                    g[r] += d * x[i][r]
                    for c in 0..<3 { h[r][c] += v * x[i][r] * x[i][c] }
                }
            }
            if g.allSatisfy({ abs($0) < 1e-7 }) { break }
            guard let step = solve3(h, g.map { -$0 }) else { break }
            var length = 1.0
            var improved = false
            let slope = zip(g, step).reduce(0) { $0 + $1.0 * $1.1 }
            while length >= 1e-10 {
                let trial = zip(w, step).map { $0 + length * $1 }
                let value = loss(trial)
                if value < current + 1e-4 * length * slope {
                    w = trial; current = value; improved = true
                    break
                }
                length /= 2
            }
            if !improved { break }
        }
        return ScoreCalibration(slope: Float(w[0]), marginSlope: Float(w[1]), intercept: Float(w[2]))
    }

    /// The solution of a 3 × 3 system by Gaussian elimination with partial pivoting, or nil
    /// when it is singular.
    static func solve3(_ matrix: [[Double]], _ right: [Double]) -> [Double]? {
        var a = matrix.indices.map { matrix[$0] + [right[$0]] }
        for column in 0..<3 {
            guard let pivot = (column..<3).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  abs(a[pivot][column]) > 1e-300 else { return nil }
            a.swapAt(column, pivot)
            for row in 0..<3 where row != column {
                let factor = a[row][column] / a[column][column]
                for k in column..<4 { a[row][k] -= factor * a[column][k] }
            }
        }
        return (0..<3).map { a[$0][3] / a[$0][$0] }
    }

    /// Isotonic regression by pool-adjacent-violators over the scores in ascending order
    /// (equal scores pooled first); knots at each pooled block's mean score.
    static func isotonic(_ scores: [Float], _ targets: [Bool]) -> ScoreCalibration {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
        // Blocks: (sum of scores, sum of targets, count).
        var blocks: [(score: Double, target: Double, count: Double)] = []
        for index in order {
            let score = Double(scores[index]), target = targets[index] ? 1.0 : 0.0
            if let last = blocks.last, last.score / last.count == score {
                blocks[blocks.count - 1] = (last.score + score, last.target + target, last.count + 1)
            } else {
                blocks.append((score, target, 1))
            }
            while blocks.count >= 2 {
                let b = blocks[blocks.count - 1], a = blocks[blocks.count - 2]
                guard a.target / a.count >= b.target / b.count else { break }
                blocks.removeLast(2)
                blocks.append((a.score + b.score, a.target + b.target, a.count + b.count))
            }
        }
        var knots: [Float] = [], values: [Float] = []
        for block in blocks {
            let knot = Float(block.score / block.count)
            let value = Float(block.target / block.count)
            if let last = knots.last, knot <= last {
                values[values.count - 1] = max(values[values.count - 1], value)
                continue
            }
            knots.append(knot)
            values.append(max(value, values.last ?? 0))
        }
        if let calibration = try? ScoreCalibration(knots: knots, values: values) { return calibration }
        return platt(scores, scores, targets)
    }
}
