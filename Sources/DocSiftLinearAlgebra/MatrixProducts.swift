import CBLASLAPACK

/// Level-2 and level-3 BLAS on ``DenseMatrix``: products and Gram matrices.
///
/// Every wrapper checks each operand's buffer against its shape before passing pointers
/// to C, so a wrong size is a ``LinearAlgebraError``, never a read or write past a buffer.
public enum MatrixProducts {
    /// `C ← alpha·op(A)·op(B) + beta·C`, where `op` transposes when asked (sgemm).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the shapes or buffers disagree.
    package static func gemm(
        _ a: DenseMatrix, transposeA: Bool = false,
        _ b: DenseMatrix, transposeB: Bool = false,
        alpha: Float = 1, beta: Float = 0, into c: inout DenseMatrix
    ) throws {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        guard k == kb, c.rows == m, c.columns == n,
              a.hasConsistentStorage, b.hasConsistentStorage, c.hasConsistentStorage else {
            throw LinearAlgebraError.dimensionMismatch(
                "gemm \(m)×\(k) by \(kb)×\(n) into \(c.rows)×\(c.columns) (buffers \(a.values.count), \(b.values.count), \(c.values.count))")
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in c.values.indices { c.values[i] *= beta }
            return
        }
        // Shapes are at most DenseMatrix.maximumDimension, so every size fits in Int32.
        a.values.withUnsafeBufferPointer { ap in
            b.values.withUnsafeBufferPointer { bp in
                c.values.withUnsafeMutableBufferPointer { cp in
                    cblas_sgemm(
                        Int32(DocSiftCblasRowMajor),
                        Int32(transposeA ? DocSiftCblasTrans : DocSiftCblasNoTrans),
                        Int32(transposeB ? DocSiftCblasTrans : DocSiftCblasNoTrans),
                        Int32(m), Int32(n), Int32(k), alpha,
                        ap.baseAddress, Int32(max(1, a.columns)),
                        bp.baseAddress, Int32(max(1, b.columns)),
                        beta, cp.baseAddress, Int32(max(1, c.columns)))
                }
            }
        }
    }

    /// `op(A)·op(B)` as a new matrix.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the shapes disagree.
    public static func product(
        _ a: DenseMatrix, transposeA: Bool = false, _ b: DenseMatrix, transposeB: Bool = false
    ) throws -> DenseMatrix {
        var c = try DenseMatrix(
            rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns, repeating: 0)
        try gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    /// `y ← alpha·op(A)·x + beta·y` (sgemv).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the lengths disagree.
    package static func gemv(
        _ a: DenseMatrix, transpose: Bool = false, _ x: [Float],
        alpha: Float = 1, beta: Float = 0, into y: inout [Float]
    ) throws {
        let rowsOut = transpose ? a.columns : a.rows
        let inner = transpose ? a.rows : a.columns
        guard x.count == inner, y.count == rowsOut, a.hasConsistentStorage else {
            throw LinearAlgebraError.dimensionMismatch(
                "gemv \(a.rows)×\(a.columns)\(transpose ? "ᵀ" : "") by \(x.count) into \(y.count)")
        }
        if a.rows == 0 || a.columns == 0 {
            for i in y.indices { y[i] *= beta }
            return
        }
        a.values.withUnsafeBufferPointer { ap in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    cblas_sgemv(
                        Int32(DocSiftCblasRowMajor),
                        Int32(transpose ? DocSiftCblasTrans : DocSiftCblasNoTrans),
                        Int32(a.rows), Int32(a.columns), alpha, ap.baseAddress, Int32(a.columns),
                        xp.baseAddress, 1, beta, yp.baseAddress, 1)
                }
            }
        }
    }

    /// The Gram matrix `A·Aᵀ` (rows against rows), or `Aᵀ·A` when `ofColumns` is set,
    /// computed by ssyrk and mirrored so that both triangles are filled.
    ///
    /// - Precondition: `a` comes from DocSift's own code with `values.count == rows × columns`
    ///   (the throwing ``product(_:transposeA:_:transposeB:)`` is the checked entry point).
    public static func gram(_ a: DenseMatrix, ofColumns: Bool = false, alpha: Float = 1) -> DenseMatrix {
        precondition(a.hasConsistentStorage, "gram of a \(a.rows)×\(a.columns) matrix holding \(a.values.count) values")
        let n = ofColumns ? a.columns : a.rows
        let k = ofColumns ? a.rows : a.columns
        var c = DenseMatrix(rows: n, columns: n)
        guard n > 0, k > 0 else { return c }
        a.values.withUnsafeBufferPointer { ap in
            c.values.withUnsafeMutableBufferPointer { cp in
                cblas_ssyrk(
                    Int32(DocSiftCblasRowMajor), Int32(DocSiftCblasUpper),
                    Int32(ofColumns ? DocSiftCblasTrans : DocSiftCblasNoTrans),
                    Int32(n), Int32(k), alpha, ap.baseAddress, Int32(a.columns),
                    0, cp.baseAddress, Int32(n))
            }
        }
        for i in 0..<n {
            for j in 0..<i { c.values[i * n + j] = c.values[j * n + i] }
        }
        return c
    }
}
