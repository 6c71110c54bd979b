import CBLASLAPACK

/// Eigenvalues and eigenvectors of a real symmetric matrix (LAPACK ssyevd).
package struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    package let values: [Float]
    /// Eigenvectors as columns: column `j` belongs to `values[j]`.
    package let vectors: DenseMatrix

    /// Decomposes the symmetric matrix `matrix` (only its upper triangle is read).
    /// - Throws: ``LinearAlgebraError`` when the matrix is not square or LAPACK fails.
    package init(_ matrix: DenseMatrix) throws {
        guard matrix.rows == matrix.columns, matrix.hasConsistentStorage else {
            throw LinearAlgebraError.dimensionMismatch("eigen of a \(matrix.rows)×\(matrix.columns) matrix")
        }
        var n = Int32(matrix.rows)
        guard n > 0 else {
            values = []
            vectors = matrix
            return
        }
        // Row-major upper triangle = column-major lower triangle of the same buffer.
        var a = matrix.values
        var w = [Float](repeating: 0, count: Int(n))
        var lda = n
        var info: Int32 = 0
        var jobz = CChar(UInt8(ascii: "V"))
        var uplo = CChar(UInt8(ascii: "L"))
        /// One ssyevd call; `lwork = liwork = -1` asks for the workspace sizes instead.
        func ssyevd(_ work: inout [Float], _ lwork: Int32, _ iwork: inout [Int32], _ liwork: Int32) {
            var lwork = lwork, liwork = liwork
            ssyevd_(&jobz, &uplo, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        }
        var workSize: [Float] = [0]
        var iworkSize: [Int32] = [0]
        ssyevd(&workSize, -1, &iworkSize, -1)
        guard info == 0, workSize[0].isFinite, workSize[0] >= 0, workSize[0] < Float(DenseMatrix.maximumDimension),
              iworkSize[0] >= 0 else {
            throw LinearAlgebraError.lapackFailure(routine: "ssyevd", info: info)
        }
        var work = [Float](repeating: 0, count: max(1, Int(workSize[0].rounded(.up))))
        var iwork = [Int32](repeating: 0, count: max(1, Int(iworkSize[0])))
        ssyevd(&work, Int32(work.count), &iwork, Int32(iwork.count))
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "ssyevd", info: info) }
        // LAPACK leaves eigenvectors in the columns of a column-major matrix, i.e. in the
        // rows of our row-major buffer: transpose so that column j is eigenvector j.
        values = w
        vectors = try DenseMatrix(rows: Int(n), columns: Int(n), values: a).transposed()
    }
}
