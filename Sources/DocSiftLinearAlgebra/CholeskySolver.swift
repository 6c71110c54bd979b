import CBLASLAPACK

/// Solves `A·X = B` for a symmetric positive definite `A` (LAPACK sposv).
package enum CholeskySolver {
    /// Returns `X` with `A·X = B`; `A` is `n×n` symmetric positive definite, `B` is `n×k`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the shapes or buffers disagree,
    ///   ``LinearAlgebraError/lapackFailure(routine:info:)`` when `A` is not positive definite,
    ///   ``LinearAlgebraError/nonFinite(index:)`` when the solution overflows.
    package static func solve(_ a: DenseMatrix, _ b: DenseMatrix) throws -> DenseMatrix {
        try factorAndSolve(a, b, inverseDiagonal: false).solution
    }

    /// Returns `X` with `A·X = B` and the diagonal of `A⁻¹`, from the same factorization
    /// `A = UᵀU`: `A⁻¹ = U⁻¹·U⁻ᵀ`, so entry `i` is the squared norm of row `i` of `U⁻¹`
    /// (strtri, `n³/3` flops). With `A = K + D` of a kernel ridge fit, `X_i / (A⁻¹)_ii` is
    /// example `i`'s leave-one-out residual.
    /// - Throws: as ``solve(_:_:)``.
    package static func solveWithInverseDiagonal(_ a: DenseMatrix, _ b: DenseMatrix) throws
        -> (solution: DenseMatrix, inverseDiagonal: [Float]) {
        let result = try factorAndSolve(a, b, inverseDiagonal: true)
        return (result.solution, result.inverseDiagonal)
    }

    private static func factorAndSolve(_ a: DenseMatrix, _ b: DenseMatrix, inverseDiagonal: Bool) throws
        -> (solution: DenseMatrix, inverseDiagonal: [Float]) {
        guard a.rows == a.columns, b.rows == a.rows, a.hasConsistentStorage, b.hasConsistentStorage else {
            throw LinearAlgebraError.dimensionMismatch(
                "solve \(a.rows)×\(a.columns) with right-hand side \(b.rows)×\(b.columns)")
        }
        var n = Int32(a.rows)
        var nrhs = Int32(b.columns)
        guard n > 0, nrhs > 0 else { return (b, []) }
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
        let solution = try DenseMatrix(rows: Int(nrhs), columns: Int(n), values: bBuffer).transposed()
        guard inverseDiagonal else { return (solution, []) }
        // The upper triangle of aBuffer now holds U (column-major); invert it in place.
        var unit = CChar(UInt8(ascii: "N"))
        strtri_(&uplo, &unit, &n, &aBuffer, &lda, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "strtri", info: info) }
        let size = Int(n)
        var diagonal = [Float](repeating: 0, count: size)
        // Row i of U⁻¹ is entries (i, k ≥ i): column k starts at k·n.
        for k in 0..<size {
            for i in 0...k {
                let u = aBuffer[i + k * size]
                diagonal[i] += u * u
            }
        }
        if let bad = diagonal.firstIndex(where: { !$0.isFinite || $0 <= 0 }) {
            throw LinearAlgebraError.nonFinite(index: bad)
        }
        return (solution, diagonal)
    }
}
