import CBLASLAPACK

/// Solves `A·X = B` for a symmetric positive definite `A` (LAPACK sposv).
package enum CholeskySolver {
    /// Returns `X` with `A·X = B`; `A` is `n×n` symmetric positive definite, `B` is `n×k`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the shapes or buffers disagree,
    ///   ``LinearAlgebraError/lapackFailure(routine:info:)`` when `A` is not positive definite,
    ///   ``LinearAlgebraError/nonFinite(index:)`` when the solution overflows.
    package static func solve(_ a: DenseMatrix, _ b: DenseMatrix) throws -> DenseMatrix {
        guard a.rows == a.columns, b.rows == a.rows, a.hasConsistentStorage, b.hasConsistentStorage else {
            throw LinearAlgebraError.dimensionMismatch(
                "solve \(a.rows)×\(a.columns) with right-hand side \(b.rows)×\(b.columns)")
        }
        var n = Int32(a.rows)
        var nrhs = Int32(b.columns)
        guard n > 0, nrhs > 0 else { return b }
        // A is symmetric, so its row-major buffer is its column-major buffer.
        var aBuffer = a.values
        // B must be column-major for LAPACK.
        var bBuffer = b.transposed().values
        var lda = n
        var ldb = n
        var info: Int32 = 0
        var uplo = CChar(UInt8(ascii: "U"))
        sposv_(&uplo, &n, &nrhs, &aBuffer, &lda, &bBuffer, &ldb, &info, 1)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "sposv", info: info) }
        return try DenseMatrix(rows: Int(nrhs), columns: Int(n), values: bBuffer).transposed()
    }
}
