import CBLASLAPACK

/// Eigenvalues and eigenvectors of a real symmetric matrix (LAPACK ssyevd).
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    public let values: [Float]
    /// Eigenvectors as columns: column `j` belongs to `values[j]`.
    public let vectors: DenseMatrix

    /// Decomposes the symmetric matrix `matrix` (only its upper triangle is read).
    /// - Throws: ``LinearAlgebraError`` when the matrix is not square or LAPACK fails.
    public init(_ matrix: DenseMatrix) throws {
        guard matrix.rows == matrix.columns else {
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
        var jobz = UInt8(ascii: "V")
        var uplo = UInt8(ascii: "L")
        // Workspace query.
        var lwork: Int32 = -1
        var liwork: Int32 = -1
        var workSize: Float = 0
        var iworkSize: Int32 = 0
        withUnsafeMutablePointer(to: &jobz) { jobzP in
            withUnsafeMutablePointer(to: &uplo) { uploP in
                jobzP.withMemoryRebound(to: CChar.self, capacity: 1) { jz in
                    uploP.withMemoryRebound(to: CChar.self, capacity: 1) { ul in
                        ssyevd_(jz, ul, &n, &a, &lda, &w, &workSize, &lwork, &iworkSize, &liwork, &info, 1, 1)
                    }
                }
            }
        }
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "ssyevd", info: info) }
        lwork = Int32(workSize.rounded(.up))
        liwork = iworkSize
        var work = [Float](repeating: 0, count: Int(max(1, lwork)))
        var iwork = [Int32](repeating: 0, count: Int(max(1, liwork)))
        withUnsafeMutablePointer(to: &jobz) { jobzP in
            withUnsafeMutablePointer(to: &uplo) { uploP in
                jobzP.withMemoryRebound(to: CChar.self, capacity: 1) { jz in
                    uploP.withMemoryRebound(to: CChar.self, capacity: 1) { ul in
                        ssyevd_(jz, ul, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
                    }
                }
            }
        }
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "ssyevd", info: info) }
        // LAPACK leaves eigenvectors in the columns of a column-major matrix, i.e. in the
        // rows of our row-major buffer: transpose so that column j is eigenvector j.
        values = w
        vectors = try DenseMatrix(rows: Int(n), columns: Int(n), values: a).transposed()
    }
}
