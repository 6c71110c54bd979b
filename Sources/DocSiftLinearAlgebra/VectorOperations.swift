import CBLASLAPACK

/// Level-1 BLAS over Swift arrays: dot products, scaled additions, norms.
///
/// BLAS takes lengths as 32-bit integers; longer arrays are processed in pieces of at most
/// ``DenseMatrix/maximumDimension`` values, so no length is ever truncated.
package enum VectorOperations {
    /// Calls `body(start, count)` for consecutive pieces of `0..<total`, each short enough for BLAS.
    private static func forEachPiece(of total: Int, _ body: (Int, Int32) -> Void) {
        var start = 0
        while start < total {
            let count = min(total - start, DenseMatrix.maximumDimension)
            body(start, Int32(count))
            start += count
        }
    }

    /// The dot product `xᵀy`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the lengths differ.
    package static func dot(_ x: [Float], _ y: [Float]) throws -> Float {
        guard x.count == y.count else {
            throw LinearAlgebraError.dimensionMismatch("dot of \(x.count) and \(y.count) values")
        }
        return x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                var sum: Float = 0
                forEachPiece(of: x.count) { start, n in
                    sum += cblas_sdot(n, xp.baseAddress.map { $0 + start }, 1, yp.baseAddress.map { $0 + start }, 1)
                }
                return sum
            }
        }
    }

    /// `y ← alpha·x + y`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the lengths differ.
    package static func axpy(_ alpha: Float, _ x: [Float], _ y: inout [Float]) throws {
        guard x.count == y.count else {
            throw LinearAlgebraError.dimensionMismatch("axpy of \(x.count) into \(y.count) values")
        }
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                forEachPiece(of: xp.count) { start, n in
                    cblas_saxpy(n, alpha, xp.baseAddress.map { $0 + start }, 1, yp.baseAddress.map { $0 + start }, 1)
                }
            }
        }
    }

    /// `x ← alpha·x`.
    package static func scale(_ x: inout [Float], by alpha: Float) {
        x.withUnsafeMutableBufferPointer { xp in
            forEachPiece(of: xp.count) { start, n in cblas_sscal(n, alpha, xp.baseAddress.map { $0 + start }, 1) }
        }
    }

    /// The Euclidean norm ‖x‖₂.
    package static func norm(_ x: [Float]) -> Float {
        x.withUnsafeBufferPointer { xp in
            // One piece: BLAS's own result, bit for bit (the trainer's centroids depend on it).
            if xp.count <= DenseMatrix.maximumDimension { return cblas_snrm2(Int32(xp.count), xp.baseAddress, 1) }
            var squares: Float = 0
            forEachPiece(of: xp.count) { start, n in
                let piece = cblas_snrm2(n, xp.baseAddress.map { $0 + start }, 1)
                squares += piece * piece
            }
            return squares.squareRoot()
        }
    }
}
