import CBLASLAPACK

/// Level-1 BLAS over Swift arrays: dot products, scaled additions, norms.
public enum VectorOperations {
    /// The dot product `xᵀy`.
    public static func dot(_ x: [Float], _ y: [Float]) throws -> Float {
        guard x.count == y.count else {
            throw LinearAlgebraError.dimensionMismatch("dot of \(x.count) and \(y.count) values")
        }
        return x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                cblas_sdot(Int32(x.count), xp.baseAddress, 1, yp.baseAddress, 1)
            }
        }
    }

    /// `y ← alpha·x + y`.
    public static func axpy(_ alpha: Float, _ x: [Float], _ y: inout [Float]) throws {
        guard x.count == y.count else {
            throw LinearAlgebraError.dimensionMismatch("axpy of \(x.count) into \(y.count) values")
        }
        let n = Int32(x.count)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                cblas_saxpy(n, alpha, xp.baseAddress, 1, yp.baseAddress, 1)
            }
        }
    }

    /// `x ← alpha·x`.
    public static func scale(_ x: inout [Float], by alpha: Float) {
        let n = Int32(x.count)
        x.withUnsafeMutableBufferPointer { cblas_sscal(n, alpha, $0.baseAddress, 1) }
    }

    /// The Euclidean norm ‖x‖₂.
    public static func norm(_ x: [Float]) -> Float {
        x.withUnsafeBufferPointer { cblas_snrm2(Int32(x.count), $0.baseAddress, 1) }
    }
}
