import CCacheHints
import DocSiftFeatures
import DocSiftLinearAlgebra

/// Training examples as rows of a feature matrix, with the products the dual ridge solver
/// needs. For the exact ridge solve, when `rows × features` is small, the matrix is
/// densified and the products run as BLAS calls (ssyrk for the Gram matrix, sgemm for
/// `Xᵀ·A`); otherwise sparse loops over the compact rows compute the same numbers.
struct ExampleMatrix {
    /// The example vectors.
    let rows: SparseRowMatrix
    /// Number of features (columns).
    var featureCount: Int { rows.featureCount }
    /// The densified matrix, when asked for and within the budget.
    let dense: DenseMatrix?

    /// Largest `rows × features` that is densified (64 M floats = 256 MB).
    static let denseBudget = 1 << 26

    /// - Parameter densified: build the dense copy (when within ``denseBudget``) for BLAS.
    init(rows: SparseRowMatrix, densified: Bool) {
        self.rows = rows
        let featureCount = rows.featureCount
        if densified, rows.rowCount * featureCount <= ExampleMatrix.denseBudget, rows.rowCount > 0, featureCount > 0 {
            var matrix = DenseMatrix(rows: rows.rowCount, columns: featureCount)
            for i in 0..<rows.rowCount {
                for p in rows.entries(of: i) {
                    matrix.values[i * featureCount + Int(rows.indices[p])] = rows.values[p]
                }
            }
            dense = matrix
        } else {
            dense = nil
        }
    }

    /// The Gram matrix `X·Xᵀ` (n×n): one ssyrk when densified, else ``SparseGram``.
    func gram() -> DenseMatrix {
        if let dense { return MatrixProducts.gram(dense) }
        return SparseGram.compute(rows: rows)
    }

    /// `X·W` for a dense `W` (features × c), as an n×c matrix.
    func times(_ weights: DenseMatrix) throws -> DenseMatrix {
        if let dense { return try MatrixProducts.product(dense, weights) }
        let c = weights.columns
        var result = DenseMatrix(rows: rows.rowCount, columns: c)
        weights.values.withUnsafeBufferPointer { w in
            for i in 0..<rows.rowCount {
                let range = rows.entries(of: i)
                for column in 0..<c {
                    var sum: Float = 0
                    for p in range { sum += rows.values[p] * w[Int(rows.indices[p]) * c + column] }
                    result.values[i * c + column] = sum
                }
            }
        }
        return result
    }

    /// `W ← W + Xᵀ·A` for `A` (n×c) and `W` (features × c).
    func addTransposedProduct(_ a: DenseMatrix, into weights: inout DenseMatrix) throws {
        if let dense {
            try MatrixProducts.gemm(dense, transposeA: true, a, alpha: 1, beta: 1, into: &weights)
            return
        }
        let c = a.columns
        let ahead = 8
        a.values.withUnsafeBufferPointer { a in
            weights.values.withUnsafeMutableBufferPointer { w in
                rows.indices.withUnsafeBufferPointer { indices in
                    rows.values.withUnsafeBufferPointer { values in
                        guard let base = w.baseAddress, let first = a.baseAddress else { return }
                        for i in 0..<rows.rowCount {
                            let coefficients = first + i * c
                            let range = rows.entries(of: i)
                            // Feature rows land all over `weights`: start loading a later one
                            // while this one is updated.
                            for p in range.prefix(ahead) { docsift_prefetch_read(base + Int(indices[p]) * c) }
                            for p in range {
                                if p + ahead < range.upperBound { docsift_prefetch_read(base + Int(indices[p + ahead]) * c) }
                                let target = base + Int(indices[p]) * c
                                let value = values[p]
                                for column in 0..<c { target[column] += value * coefficients[column] }
                            }
                        }
                    }
                }
            }
        }
    }
}
