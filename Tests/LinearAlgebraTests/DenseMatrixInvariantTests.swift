import Foundation
import Testing
@testable import DocSiftLinearAlgebra

/// The reproductions of issue #17 against `DenseMatrix` and the BLAS wrappers: each was a
/// trap, a wrong element or an accepted NaN before, and is a typed error now.
@Suite("DenseMatrix holds its invariants")
struct DenseMatrixInvariantTests {
    @Test("impossible shapes are errors, not traps",
          arguments: [(Int.max, 2), (-1, 3), (3, -1), (Int(Int32.max) + 1, 1), (Int(Int32.max), Int(Int32.max))])
    func impossibleShapes(rows: Int, columns: Int) {
        #expect(throws: LinearAlgebraError.invalidShape(rows: rows, columns: columns)) {
            try DenseMatrix(rows: rows, columns: columns, repeating: 0)
        }
        #expect(throws: LinearAlgebraError.invalidShape(rows: rows, columns: columns)) {
            try DenseMatrix(rows: rows, columns: columns, values: [])
        }
    }

    @Test func wrongValueCountIsAnError() {
        #expect(throws: LinearAlgebraError.dimensionMismatch("3 values for a 2×2 matrix")) {
            try DenseMatrix(rows: 2, columns: 2, values: [1, 2, 3])
        }
    }

    @Test("NaN and infinite entries are rejected", arguments: [Float.nan, .infinity, -.infinity])
    func nonFiniteEntries(bad: Float) throws {
        #expect(throws: LinearAlgebraError.nonFinite(index: 2)) {
            try DenseMatrix(rows: 2, columns: 2, values: [1, 2, bad, 4])
        }
        #expect(throws: LinearAlgebraError.nonFinite(index: 0)) {
            try DenseMatrix(rows: 2, columns: 2, repeating: bad)
        }
        var m = try DenseMatrix(rows: 2, columns: 2, repeating: 1)
        #expect(throws: LinearAlgebraError.nonFinite(index: 3)) { try m.set(bad, row: 1, column: 1) }
        #expect(m.values == [1, 1, 1, 1])
    }

    @Test("m[0, 3] of a 2×2 matrix is an error, not m[1, 1]")
    func elementAccessChecksRowAndColumn() throws {
        let m = try DenseMatrix(rows: 2, columns: 2, values: [1, 2, 3, 4])
        #expect(try m[1, 1] == 4)
        #expect(try m[0, 1] == 2)
        for (row, column) in [(0, 3), (0, 2), (2, 0), (-1, 0), (0, -1), (1, 2)] {
            #expect(throws: LinearAlgebraError.indexOutOfRange(row: row, column: column, rows: 2, columns: 2)) {
                try m[row, column]
            }
        }
        var copy = m
        #expect(throws: LinearAlgebraError.indexOutOfRange(row: 0, column: 3, rows: 2, columns: 2)) {
            try copy.set(9, row: 0, column: 3)
        }
        #expect(copy == m)
        #expect(throws: LinearAlgebraError.self) { try m.row(2) }
        #expect(try m.row(1) == [3, 4])
    }

    @Test("BLAS wrappers check each buffer against its shape")
    func wrappersCheckBufferSizes() throws {
        let a = try DenseMatrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        var short = a
        short.values.removeLast()  // only package code can do this; the wrappers still refuse it
        var c = DenseMatrix(rows: 2, columns: 2)
        #expect(throws: LinearAlgebraError.self) { try MatrixProducts.gemm(short, a, transposeB: true, into: &c) }
        #expect(throws: LinearAlgebraError.self) { try MatrixProducts.gemm(a, short, transposeB: true, into: &c) }
        var y = [Float](repeating: 0, count: 2)
        #expect(throws: LinearAlgebraError.self) { try MatrixProducts.gemv(short, [1, 1, 1], into: &y) }
        let square = try DenseMatrix(rows: 2, columns: 2, values: [2, 0, 0, 2])
        var broken = square
        broken.values.append(1)
        #expect(throws: LinearAlgebraError.self) { try CholeskySolver.solve(broken, square) }
        #expect(throws: LinearAlgebraError.self) { try SymmetricEigen(broken) }
        #expect(c == DenseMatrix(rows: 2, columns: 2))
        // The same call on whole buffers works.
        try MatrixProducts.gemm(a, a, transposeB: true, into: &c)
        #expect(c.values == [14, 32, 32, 77])
    }

    @Test("errors are one actionable line")
    func messagesAreOneLine() {
        let errors: [LinearAlgebraError] = [
            .invalidShape(rows: Int.max, columns: 2), .indexOutOfRange(row: 0, column: 3, rows: 2, columns: 2),
            .nonFinite(index: 7), .dimensionMismatch("gemm 2×3 by 2×3"), .lapackFailure(routine: "sposv", info: 2),
        ]
        for error in errors {
            let message = (error as any LocalizedError).errorDescription ?? ""
            #expect(!message.isEmpty && !message.contains("\n"))
            #expect(error.localizedDescription == message)
        }
        #expect(LinearAlgebraError.indexOutOfRange(row: 0, column: 3, rows: 2, columns: 2).description
            .contains("(0, 3) is outside the 2×2 matrix"))
    }
}
