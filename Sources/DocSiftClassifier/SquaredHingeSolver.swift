import DocSiftFeatures
import DocSiftLinearAlgebra

/// One-vs-rest squared-hinge (L2-loss linear SVM) training by dual coordinate descent,
/// the method of LIBLINEAR (Hsieh et al., ICML 2008) behind scikit-learn's `LinearSVC`.
///
/// Per label the minimized objective is `Σ wᵢ·max(0, 1 − yᵢ·fᵢ)² + λ(‖w − w₀‖² + b²)` with
/// `fᵢ = w·xᵢ + b`; `w₀` is the profile prior, whose scores `pᵢ = w₀·xᵢ` shift each margin.
/// In the dual, one coefficient `αᵢ ≥ 0` per example and label is optimized at a time in
/// closed form, keeping `v = Σ αᵢ·yᵢ·[xᵢ, 1]` up to date, so no Gram matrix is formed: the
/// cost per pass is a few sparse dot products per example, and training scales to corpora
/// whose `n × n` Gram matrix would not fit. All labels share one pass over each example.
/// Examples are visited in a seeded random order; the same inputs give the same bits.
enum SquaredHingeSolver {
    /// Passes over the examples at most.
    static let maximumPasses = 300
    /// Stop when every projected gradient of a pass is below this (LIBLINEAR's criterion,
    /// without shrinking).
    static let tolerance: Float = 0.01

    /// Dual coefficients `αᵢ·yᵢ` (n×c) and biases (c), in the form the trainer expects:
    /// `W = W₀ + Xᵀ·dual`. `prior` holds the scores `X·W₀` (n×c), `truth` the true label
    /// index of each example (−1 = none of the labels), `weights` the per-example loss weights.
    static func solve(rows: [SparseVector], featureCount: Int, prior: DenseMatrix, truth: [Int],
                      lambda: Float, weights: [Float], seed: UInt64) -> (dual: DenseMatrix, bias: [Float]) {
        let n = rows.count
        let c = prior.columns
        var alpha = [Float](repeating: 0, count: n * c)
        // v (features × labels) and its intercept column.
        var v = [Float](repeating: 0, count: featureCount * c)
        var intercept = [Float](repeating: 0, count: c)
        // Diagonal of the dual Hessian: ‖[xᵢ, 1]‖² + λ/wᵢ.
        let diagonal = (0..<n).map { i -> Float in
            var squares: Float = 1
            for value in rows[i].values { squares += value * value }
            return squares + lambda / weights[i]
        }
        var order = Array(0..<n)
        var generator = SeededGenerator(seed: seed)
        var margins = [Float](repeating: 0, count: c)
        var steps = [Float](repeating: 0, count: c)
        for _ in 0..<maximumPasses {
            order.shuffle(using: &generator)
            var largestGradient: Float = 0
            for i in order {
                let row = rows[i]
                // v·[xᵢ, 1] for every label in one pass over the row.
                for label in 0..<c { margins[label] = intercept[label] }
                v.withUnsafeBufferPointer { v in
                    for k in 0..<row.indices.count {
                        let base = Int(row.indices[k]) * c
                        let x = row.values[k]
                        for label in 0..<c { margins[label] += x * v[base + label] }
                    }
                }
                var moved = false
                for label in 0..<c {
                    let y: Float = truth[i] == label ? 1 : -1
                    let a = alpha[i * c + label]
                    // ∂/∂αᵢ of ½αᵀQ̄α − Σ(1 − yᵢpᵢ)αᵢ.
                    let gradient = y * margins[label] - (1 - y * prior.values[i * c + label]) + (lambda / weights[i]) * a
                    let projected = a == 0 ? min(gradient, 0) : gradient
                    largestGradient = max(largestGradient, abs(projected))
                    var step: Float = 0
                    if projected != 0 {
                        let updated = max(a - gradient / diagonal[i], 0)
                        step = (updated - a) * y
                        alpha[i * c + label] = updated
                    }
                    steps[label] = step
                    if step != 0 { moved = true }
                }
                guard moved else { continue }
                for label in 0..<c { intercept[label] += steps[label] }
                v.withUnsafeMutableBufferPointer { v in
                    for k in 0..<row.indices.count {
                        let base = Int(row.indices[k]) * c
                        let x = row.values[k]
                        for label in 0..<c { v[base + label] += x * steps[label] }
                    }
                }
            }
            if largestGradient < tolerance { break }
        }
        var dual = DenseMatrix(rows: n, columns: c)
        for i in 0..<n {
            for label in 0..<c {
                let y: Float = truth[i] == label ? 1 : -1
                dual.values[i * c + label] = alpha[i * c + label] * y
            }
        }
        return (dual, intercept)
    }
}
