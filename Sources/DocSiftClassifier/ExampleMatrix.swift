import CCacheHints
import DocSiftFeatures
import DocSiftLinearAlgebra

/// Training examples as rows of a feature matrix, with the products the dual ridge solver
/// needs. When `rows × features` is small the matrix is densified and the products run as
/// BLAS calls (ssyrk for the Gram matrix, sgemm for `Xᵀ·A`); otherwise sparse loops compute
/// the same numbers.
struct ExampleMatrix {
    /// The example vectors.
    let rows: [SparseVector]
    /// Number of features (columns).
    let featureCount: Int
    /// The densified matrix, when it fits the budget.
    let dense: DenseMatrix?

    /// Largest `rows × features` that is densified (64 M floats = 256 MB).
    static let denseBudget = 1 << 26

    init(rows: [SparseVector], featureCount: Int) {
        self.rows = rows
        self.featureCount = featureCount
        if rows.count * featureCount <= ExampleMatrix.denseBudget, !rows.isEmpty, featureCount > 0 {
            var matrix = DenseMatrix(rows: rows.count, columns: featureCount)
            for (i, row) in rows.enumerated() {
                for k in 0..<row.indices.count {
                    matrix.values[i * featureCount + Int(row.indices[k])] = row.values[k]
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
        return SparseGram.compute(rows: rows, featureCount: featureCount)
    }

    /// `X·W` for a dense `W` (features × c), as an n×c matrix.
    func times(_ weights: DenseMatrix) throws -> DenseMatrix {
        if let dense { return try MatrixProducts.product(dense, weights) }
        let c = weights.columns
        var result = DenseMatrix(rows: rows.count, columns: c)
        weights.values.withUnsafeBufferPointer { w in
            for (i, row) in rows.enumerated() {
                for column in 0..<c {
                    result.values[i * c + column] = row.dot(dense: w, stride: c, offset: column)
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
                guard let base = w.baseAddress, let first = a.baseAddress else { return }
                for (i, row) in rows.enumerated() {
                    let coefficients = first + i * c
                    row.indices.withUnsafeBufferPointer { indices in
                        row.values.withUnsafeBufferPointer { values in
                            // Feature rows land all over `weights`: start loading a later one
                            // while this one is updated.
                            for k in 0..<min(ahead, indices.count) { docsift_prefetch_read(base + Int(indices[k]) * c) }
                            for k in 0..<indices.count {
                                if k + ahead < indices.count { docsift_prefetch_read(base + Int(indices[k + ahead]) * c) }
                                let target = base + Int(indices[k]) * c
                                let value = values[k]
                                for column in 0..<c { target[column] += value * coefficients[column] }
                            }
                        }
                    }
                }
            }
        }
    }
}
