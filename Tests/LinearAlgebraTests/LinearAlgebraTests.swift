import Testing
@testable import DocSiftLinearAlgebra

/// A small deterministic generator so that the matrices are the same on every run.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) * 2 - 1 }
}

func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> DenseMatrix {
    var rng = SplitMix64(state: seed)
    var m = DenseMatrix(rows: rows, columns: columns)
    for i in m.values.indices { m.values[i] = rng.nextFloat() }
    return m
}

/// The plain triple loop every BLAS result is checked against.
func loopProduct(_ a: DenseMatrix, _ b: DenseMatrix) throws -> DenseMatrix {
    var c = DenseMatrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var s: Float = 0
            for k in 0..<a.columns { s += try a[i, k] * b[k, j] }
            try c.set(s, row: i, column: j)
        }
    }
    return c
}

func maxDifference(_ a: DenseMatrix, _ b: DenseMatrix) -> Float {
    zip(a.values, b.values).map { abs($0 - $1) }.max() ?? 0
}

@Suite("BLAS wrappers agree with plain loops")
struct BLASWrapperTests {
    @Test("gemm in all four transpose combinations", arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemmMatchesLoop(transposeA: Bool, transposeB: Bool) throws {
        let a = randomMatrix(7, 5, seed: 1)
        let b = randomMatrix(5, 9, seed: 2)
        let aIn = transposeA ? a.transposed() : a
        let bIn = transposeB ? b.transposed() : b
        let c = try MatrixProducts.product(aIn, transposeA: transposeA, bIn, transposeB: transposeB)
        #expect(c.rows == 7 && c.columns == 9)
        #expect(maxDifference(c, try loopProduct(a, b)) < 1e-5)
    }

    @Test func gemmAccumulatesWithAlphaAndBeta() throws {
        let a = randomMatrix(4, 3, seed: 3)
        let b = randomMatrix(3, 2, seed: 4)
        var c = randomMatrix(4, 2, seed: 5)
        let c0 = c
        try MatrixProducts.gemm(a, b, alpha: 2, beta: 0.5, into: &c)
        let ab = try loopProduct(a, b)
        for i in c.values.indices {
            #expect(abs(c.values[i] - (2 * ab.values[i] + 0.5 * c0.values[i])) < 1e-5)
        }
    }

    @Test func gemmRejectsMismatchedShapes() {
        let a = randomMatrix(4, 3, seed: 1)
        let b = randomMatrix(4, 2, seed: 2)
        #expect(throws: LinearAlgebraError.self) { try MatrixProducts.product(a, b) }
    }

    @Test func gemvBothWays() throws {
        let a = randomMatrix(6, 4, seed: 6)
        let x = randomMatrix(1, 4, seed: 7).values
        var y = [Float](repeating: 0, count: 6)
        try MatrixProducts.gemv(a, x, into: &y)
        for i in 0..<6 {
            let expected = try (0..<4).reduce(Float(0)) { try $0 + a[i, $1] * x[$1] }
            #expect(abs(y[i] - expected) < 1e-5)
        }
        let z = randomMatrix(1, 6, seed: 8).values
        var w = [Float](repeating: 0, count: 4)
        try MatrixProducts.gemv(a, transpose: true, z, into: &w)
        for j in 0..<4 {
            let expected = try (0..<6).reduce(Float(0)) { try $0 + a[$1, j] * z[$1] }
            #expect(abs(w[j] - expected) < 1e-5)
        }
    }

    @Test func dotAxpyScaleNorm() throws {
        let x: [Float] = [1, 2, 3, 4]
        var y: [Float] = [0.5, -1, 2, 0]
        #expect(try VectorOperations.dot(x, y) == 0.5 - 2 + 6)
        try VectorOperations.axpy(2, x, &y)
        #expect(y == [2.5, 3, 8, 8])
        VectorOperations.scale(&y, by: 0.5)
        #expect(y == [1.25, 1.5, 4, 4])
        #expect(abs(VectorOperations.norm([3, 4]) - 5) < 1e-6)
        #expect(throws: LinearAlgebraError.self) { try VectorOperations.dot([1], [1, 2]) }
    }

    @Test func gramOfRowsAndColumns() throws {
        let a = randomMatrix(5, 8, seed: 9)
        let rows = MatrixProducts.gram(a)
        #expect(maxDifference(rows, try loopProduct(a, a.transposed())) < 1e-5)
        let columns = MatrixProducts.gram(a, ofColumns: true)
        #expect(maxDifference(columns, try loopProduct(a.transposed(), a)) < 1e-5)
    }
}

@Suite("LAPACK wrappers")
struct LAPACKWrapperTests {
    @Test func symmetricEigenReconstructsTheMatrix() throws {
        let b = randomMatrix(6, 6, seed: 10)
        let s = MatrixProducts.gram(b)  // symmetric positive semi-definite
        let eigen = try SymmetricEigen(s)
        #expect(eigen.values == eigen.values.sorted())
        // S·v = λ·v for every pair.
        for j in 0..<6 {
            let v = try (0..<6).map { try eigen.vectors[$0, j] }
            for i in 0..<6 {
                let sv = try (0..<6).reduce(Float(0)) { try $0 + s[i, $1] * v[$1] }
                #expect(abs(sv - eigen.values[j] * v[i]) < 1e-3)
            }
        }
    }

    @Test func eigenOfKnownMatrix() throws {
        let m = try DenseMatrix(rows: 2, columns: 2, values: [2, 1, 1, 2])
        let eigen = try SymmetricEigen(m)
        #expect(abs(eigen.values[0] - 1) < 1e-5)
        #expect(abs(eigen.values[1] - 3) < 1e-5)
    }

    @Test func choleskySolveMatchesTheSystem() throws {
        let b = randomMatrix(5, 5, seed: 11)
        var a = MatrixProducts.gram(b)
        for i in 0..<5 { try a.set(a[i, i] + 1, row: i, column: i) }
        let rhs = randomMatrix(5, 3, seed: 12)
        let x = try CholeskySolver.solve(a, rhs)
        #expect(maxDifference(try loopProduct(a, x), rhs) < 1e-4)
    }

    /// The inverse's diagonal from the factorization, and the leave-one-out identity it is
    /// used for: with `G = K + λI` and `A = G⁻¹·R`, `A_i / (G⁻¹)_ii` is row i's residual
    /// when the system is solved without row i.
    @Test func choleskyInverseDiagonalGivesLeaveOneOutResiduals() throws {
        let n = 7, c = 2
        let x = randomMatrix(n, 4, seed: 21)
        let k = MatrixProducts.gram(x)
        var g = k
        for i in 0..<n { try g.set(g[i, i] + 0.5, row: i, column: i) }
        let r = randomMatrix(n, c, seed: 22)
        let (a, inverseDiagonal) = try CholeskySolver.solveWithInverseDiagonal(g, r)
        #expect(maxDifference(a, try CholeskySolver.solve(g, r)) < 1e-5)
        for i in 0..<n {
            let unit = try DenseMatrix(rows: n, columns: 1, values: (0..<n).map { $0 == i ? 1 : 0 })
            #expect(abs(try CholeskySolver.solve(g, unit)[i, 0] - inverseDiagonal[i]) < 1e-4)
            // Refit without row i, predict row i.
            let others = (0..<n).filter { $0 != i }
            let reduced = try DenseMatrix(rows: n - 1, columns: n - 1, values: others.flatMap { p in others.map { g.values[p * n + $0] } })
            let targets = try DenseMatrix(rows: n - 1, columns: c, values: others.flatMap { p in (0..<c).map { r.values[p * c + $0] } })
            let dual = try CholeskySolver.solve(reduced, targets)
            for column in 0..<c {
                let prediction = others.indices.reduce(Float(0)) { $0 + k.values[i * n + others[$1]] * dual.values[$1 * c + column] }
                #expect(abs((r.values[i * c + column] - prediction) - a.values[i * c + column] / inverseDiagonal[i]) < 1e-3)
            }
        }
    }

    @Test func choleskyRejectsIndefiniteMatrices() throws {
        let a = try DenseMatrix(rows: 2, columns: 2, values: [1, 2, 2, 1])
        #expect(throws: LinearAlgebraError.self) {
            try CholeskySolver.solve(a, try DenseMatrix.identity(2))
        }
    }

    @Test func providerIsNamed() {
        #expect(!BLASProvider.coreName.isEmpty)
    }
}
