/// A dense row-major matrix of `Float`, the shape every BLAS call in DocSift takes.
public struct DenseMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row after row (`rows * columns` values).
    public var values: [Float]

    /// A matrix with every entry set to `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions are never negative")
        self.rows = rows
        self.columns = columns
        self.values = [Float](repeating: value, count: rows * columns)
    }

    /// A matrix over the given row-major values.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the count is not `rows * columns`.
    public init(rows: Int, columns: Int, values: [Float]) throws {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw LinearAlgebraError.dimensionMismatch(
                "\(values.count) values for a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The identity matrix of size `n`.
    public static func identity(_ n: Int) -> DenseMatrix {
        var m = DenseMatrix(rows: n, columns: n)
        for i in 0..<n { m.values[i * n + i] = 1 }
        return m
    }

    /// The entry at row `row`, column `column`.
    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// A copy of row `index`.
    public func row(_ index: Int) -> [Float] {
        Array(values[(index * columns)..<((index + 1) * columns)])
    }

    /// The transpose, as a new matrix.
    public func transposed() -> DenseMatrix {
        var t = DenseMatrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { t.values[j * rows + i] = values[i * columns + j] }
        }
        return t
    }
}
