import CCacheHints
import DocSiftFeatures
import DocSiftLinearAlgebra

/// One-vs-rest squared-hinge (L2-loss linear SVM) training by dual coordinate descent,
/// the method of LIBLINEAR (Hsieh et al., ICML 2008) behind scikit-learn's `LinearSVC`.
///
/// Per label the minimized objective is `Σ wᵢ·max(0, 1 − yᵢ·fᵢ)² + λ(‖w − w₀‖² + b²)` with
/// `fᵢ = w·xᵢ + b`; `w₀` is the profile prior, whose scores `pᵢ = w₀·xᵢ` shift each margin.
/// In the dual, one coefficient `αᵢ ≥ 0` per example and label is optimized at a time in
/// closed form, keeping `v = Σ αᵢ·yᵢ·[xᵢ, 1]` up to date, so no Gram matrix is formed: the
/// cost per pass is two sparse passes over each row for all labels at once (`v` is stored
/// features × labels, so one row entry touches one contiguous run of `v`). Memory is the
/// rows, `v`, and `n × c` coefficients.
///
/// Shrinking (LIBLINEAR's, per example): an example whose coefficients are all 0 and whose
/// gradients all exceed the largest projected gradient of the previous pass is taken out of
/// the passes; once the remaining ones converge, every example is checked again, and the
/// solver stops only when a pass over all of them converges. Examples are visited in a
/// seeded random order; the same inputs give the same bits.
enum SquaredHingeSolver {
    /// Passes over the examples at most.
    static let maximumPasses = 300
    /// Stop when every projected gradient of a pass over all examples is below this
    /// (LIBLINEAR's criterion).
    static let tolerance: Float = 0.01
    /// Row entries looked ahead for prefetching.
    private static let ahead = 8

    /// The deviation from the prior, `v = W − W₀ = Xᵀ·(α∘y)` (features × c), the biases
    /// (c), the passes made, and with `keepsDual` the coefficients `αᵢ·yᵢ` (n×c; for tests). `prior` holds the scores `X·W₀` (n×c), or is `nil` when `W₀ = 0`; `truth` the true
    /// label index of each example (−1 = none of the labels), `weights` the per-example loss weights.
    /// `rows` are laid out by ``SparseRowMatrix/prepareForSolver()`` (`layout`; the result is
    /// in its feature numbering): a singleton feature's part of `v` is `αᵢyᵢxᵢ` of its one
    /// row, so its share of that row's margin, `αᵢyᵢ·Σ x²`, is kept per row and `v` is read
    /// and written for shared features only, then completed at the end.
    static func solve(rows: SparseRowMatrix, layout: SolverLayout, labelCount c: Int, prior: DenseMatrix?, truth: [Int],
                      lambda: Float, weights: [Float], seed: UInt64,
                      keepsDual: Bool = false) -> (deviation: DenseMatrix, bias: [Float], passes: Int, dual: [Float]) {
        let n = rows.rowCount
        let priorValues = prior?.values ?? []
        let hasPrior = priorValues.count == n * c && n > 0
        var alpha = [Float](repeating: 0, count: n * c)
        // v (features × labels) and its intercept column.
        var v = [Float](repeating: 0, count: layout.sharedFeatureCount * c)
        var intercept = [Float](repeating: 0, count: c)
        // Diagonal of the dual Hessian: ‖[xᵢ, 1]‖² + λ/wᵢ.
        let diagonal = (0..<n).map { i -> Float in
            var squares: Float = 1
            for p in rows.entries(of: i) { squares += rows.values[p] * rows.values[p] }
            return squares + lambda / weights[i]
        }
        var active = Array(0..<n)
        var generator = SeededGenerator(seed: seed)
        var margins = [Float](repeating: 0, count: c)
        var steps = [Float](repeating: 0, count: c)
        // LIBLINEAR's M̄: the largest projected gradient of the previous pass (∞ at first).
        var shrinkAbove = Float.infinity
        var passes = 0
        rows.indices.withUnsafeBufferPointer { indices in
            rows.values.withUnsafeBufferPointer { values in
                while passes < maximumPasses {
                    passes += 1
                    active.shuffle(using: &generator)
                    var largestGradient: Float = 0
                    var kept = 0
                    for position in active.indices {
                        let i = active[position]
                        let range = rows.sharedEntries(of: i, in: layout)
                        // v·[xᵢ, 1] for every label in one pass over the row.
                        let selfSquares = layout.singletonSquares[i]
                        for label in 0..<c {
                            let y: Float = truth[i] == label ? 1 : -1
                            margins[label] = intercept[label] + alpha[i * c + label] * y * selfSquares
                        }
                        v.withUnsafeBufferPointer { v in
                            guard let block = v.baseAddress else { return }
                            // Rows of `v` land all over it: start loading later ones early.
                            for p in range.prefix(ahead) { docsift_prefetch_read(block + Int(indices[p]) * c) }
                            for p in range {
                                if p + ahead < range.upperBound { docsift_prefetch_read(block + Int(indices[p + ahead]) * c) }
                                let base = Int(indices[p]) * c
                                let x = values[p]
                                for label in 0..<c { margins[label] += x * v[base + label] }
                            }
                        }
                        var moved = false
                        var shrinkable = true
                        let ridge = lambda / weights[i]
                        for label in 0..<c {
                            let y: Float = truth[i] == label ? 1 : -1
                            let a = alpha[i * c + label]
                            let p = hasPrior ? priorValues[i * c + label] : 0
                            // ∂/∂αᵢ of ½αᵀQ̄α − Σ(1 − yᵢpᵢ)αᵢ.
                            let gradient = y * margins[label] - (1 - y * p) + ridge * a
                            let projected = a == 0 ? min(gradient, 0) : gradient
                            if !(a == 0 && gradient > shrinkAbove) { shrinkable = false }
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
                        if !shrinkable {
                            active[kept] = i
                            kept += 1
                        }
                        guard moved else { continue }
                        for label in 0..<c { intercept[label] += steps[label] }
                        v.withUnsafeMutableBufferPointer { v in
                            for p in range {
                                let base = Int(indices[p]) * c
                                let x = values[p]
                                for label in 0..<c { v[base + label] += x * steps[label] }
                            }
                        }
                    }
                    let visited = active.count
                    active.removeLast(active.count - kept)
                    if largestGradient < tolerance {
                        // Converged on the active examples: done if they were all of them,
                        // else check every example again.
                        if visited == n { break }
                        active = Array(0..<n)
                        shrinkAbove = .infinity
                    } else {
                        shrinkAbove = largestGradient
                    }
                }
            }
        }
        // Complete v: shared rows as solved, each singleton's row from its one example.
        var full = [Float](repeating: 0, count: rows.featureCount * c)
        for k in v.indices { full[k] = v[k] }
        v = []
        for i in 0..<n {
            for p in layout.sharedEnds[i]..<rows.entries(of: i).upperBound {
                let base = Int(rows.indices[p]) * c
                for label in 0..<c {
                    let y: Float = truth[i] == label ? 1 : -1
                    full[base + label] = alpha[i * c + label] * y * rows.values[p]
                }
            }
        }
        let dual = keepsDual ? (0..<(n * c)).map { alpha[$0] * (truth[$0 / c] == $0 % c ? 1 : -1) } : []
        alpha = []
        let deviation = (try? DenseMatrix(rows: rows.featureCount, columns: c, values: full))
            ?? DenseMatrix(rows: rows.featureCount, columns: c)
        return (deviation, intercept, passes, dual)
    }
}
