import DocSiftLinearAlgebra

/// One-vs-rest squared-hinge (L2-loss SVM) training in the dual, by finite Newton steps:
/// for each label, the examples that violate the margin form the active set `A`, and the
/// step solves the ridge system on `A` only, `(K_AA + 1 + λI)·β = y_A − p_A` (Cholesky),
/// where `K` is the Gram matrix, the `+ 1` is the regularized intercept and `p` the
/// profile-prior scores. The active set is then recomputed from all margins (a gemv with
/// `K`) until it stops changing.
///
/// The minimized objective per label is `Σ max(0, 1 − yᵢ·fᵢ)² + λ(‖w − w₀‖² + b²)`.
enum SquaredHingeSolver {
    /// Newton steps per label at most.
    static let maximumSteps = 30

    /// Dual coefficients (n×c) and biases (c) for Gram matrix `gram` (n×n, no ridge on
    /// the diagonal), prior scores `prior` (n×c), true label indices `truth` (−1 = none of
    /// the labels), penalty `lambda` and per-example loss weights `weights`.
    static func solve(gram: DenseMatrix, prior: DenseMatrix, truth: [Int], lambda: Float, weights: [Float]) throws -> (dual: DenseMatrix, bias: [Float]) {
        let n = gram.rows
        let c = prior.columns
        var dual = DenseMatrix(rows: n, columns: c)
        var bias = [Float](repeating: 0, count: c)
        for label in 0..<c {
            let y = truth.map { $0 == label ? Float(1) : Float(-1) }
            var active = Array(0..<n)
            var beta = [Float](repeating: 0, count: n)
            for _ in 0..<maximumSteps {
                let m = active.count
                guard m > 0 else {
                    beta = [Float](repeating: 0, count: n)
                    break
                }
                var system = DenseMatrix(rows: m, columns: m)
                var rhs = DenseMatrix(rows: m, columns: 1)
                for (a, i) in active.enumerated() {
                    let row = i * n
                    for (b, j) in active.enumerated() { system.values[a * m + b] = gram.values[row + j] + 1 }
                    system.values[a * m + a] += lambda / weights[i]
                    rhs.values[a] = y[i] - prior.values[i * c + label]
                }
                let solution = try CholeskySolver.solve(system, rhs)
                beta = [Float](repeating: 0, count: n)
                for (a, i) in active.enumerated() { beta[i] = solution.values[a] }
                // Margins of every example: f = p + (K + 1)·β.
                var margins = [Float](repeating: 0, count: n)
                try MatrixProducts.gemv(gram, beta, into: &margins)
                let betaSum = beta.reduce(0, +)
                var next: [Int] = []
                for i in 0..<n where y[i] * (margins[i] + betaSum + prior.values[i * c + label]) < 1 { next.append(i) }
                if next == active { break }
                active = next
            }
            for i in 0..<n { dual.values[i * c + label] = beta[i] }
            bias[label] = beta.reduce(0, +)
        }
        return (dual, bias)
    }
}
