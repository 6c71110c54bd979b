/// A dense row-major matrix of `Float`, the shape every BLAS call in DocSift takes.
///
/// The type holds its invariants: `rows` and `columns` are fixed, `0…maximumDimension`,
/// and `values` has exactly `rows × columns` entries. The checked initializers reject bad
/// shapes and non-finite entries with a ``LinearAlgebraError``; element access checks the
/// row and the column. Only DocSift's own modules may write `values` in place (the
/// trainer's hot loops fill matrices that way); they never change its count, and the BLAS
/// wrappers verify it before handing the buffer to C.
public struct DenseMatrix: Sendable, Equatable {
    /// The largest number of rows or columns: BLAS and LAPACK take sizes as 32-bit integers.
    public static let maximumDimension = Int(Int32.max)

    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row after row (`rows * columns` values).
    public package(set) var values: [Float]

    /// The number of entries of a `rows × columns` matrix.
    /// - Throws: ``LinearAlgebraError/invalidShape(rows:columns:)`` for a negative or too large
    ///   size, or a product that overflows the addressable memory.
    package static func entryCount(rows: Int, columns: Int) throws -> Int {
        guard rows >= 0, columns >= 0, rows <= maximumDimension, columns <= maximumDimension else {
            throw LinearAlgebraError.invalidShape(rows: rows, columns: columns)
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, count <= Int.max / MemoryLayout<Float>.stride else {
            throw LinearAlgebraError.invalidShape(rows: rows, columns: columns)
        }
        return count
    }

    /// A matrix with every entry set to `value`.
    /// - Throws: ``LinearAlgebraError/invalidShape(rows:columns:)`` for a bad shape,
    ///   ``LinearAlgebraError/nonFinite(index:)`` when `value` is NaN or infinite.
    public init(rows: Int, columns: Int, repeating value: Float) throws {
        let count = try DenseMatrix.entryCount(rows: rows, columns: columns)
        guard value.isFinite || count == 0 else { throw LinearAlgebraError.nonFinite(index: 0) }
        self.rows = rows
        self.columns = columns
        self.values = [Float](repeating: value, count: count)
    }

    /// A matrix over the given row-major values.
    /// - Throws: ``LinearAlgebraError/invalidShape(rows:columns:)`` for a bad shape,
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` when the count is not `rows * columns`,
    ///   ``LinearAlgebraError/nonFinite(index:)`` for a NaN or infinite entry.
    public init(rows: Int, columns: Int, values: [Float]) throws {
        let count = try DenseMatrix.entryCount(rows: rows, columns: columns)
        guard values.count == count else {
            throw LinearAlgebraError.dimensionMismatch("\(values.count) values for a \(rows)×\(columns) matrix")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) { throw LinearAlgebraError.nonFinite(index: bad) }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A zero matrix whose shape DocSift's own code took from data already in memory (a
    /// block of documents, a vocabulary, a label set), so it cannot be out of range; the
    /// checked ``init(rows:columns:repeating:)`` is the entry point for any other shape.
    package init(rows: Int, columns: Int) {
        let count = try? DenseMatrix.entryCount(rows: rows, columns: columns)
        precondition(count != nil, "DenseMatrix(rows: \(rows), columns: \(columns)): shape out of range")
        self.rows = rows
        self.columns = columns
        self.values = [Float](repeating: 0, count: count ?? 0)
    }

    /// The identity matrix of size `n`.
    /// - Throws: ``LinearAlgebraError/invalidShape(rows:columns:)`` for a bad size.
    package static func identity(_ n: Int) throws -> DenseMatrix {
        var m = try DenseMatrix(rows: n, columns: n, repeating: 0)
        for i in 0..<n { m.values[i * n + i] = 1 }
        return m
    }

    /// Whether `values` still has `rows × columns` entries (checked by every BLAS wrapper).
    package var hasConsistentStorage: Bool { values.count == rows &* columns }

    /// The row-major position of (`row`, `column`), after checking both.
    /// - Throws: ``LinearAlgebraError/indexOutOfRange(row:column:rows:columns:)``.
    package func offset(row: Int, column: Int) throws -> Int {
        guard row >= 0, row < rows, column >= 0, column < columns, hasConsistentStorage else {
            throw LinearAlgebraError.indexOutOfRange(row: row, column: column, rows: rows, columns: columns)
        }
        return row &* columns &+ column
    }

    /// The entry at row `row`, column `column`.
    /// - Throws: ``LinearAlgebraError/indexOutOfRange(row:column:rows:columns:)`` when the row
    ///   or the column is outside the matrix (`m[0, 3]` of a 2×2 matrix is an error, not `m[1, 1]`).
    public subscript(row: Int, column: Int) -> Float {
        get throws { values[try offset(row: row, column: column)] }
    }

    /// Sets the entry at row `row`, column `column`.
    /// - Throws: ``LinearAlgebraError/indexOutOfRange(row:column:rows:columns:)`` outside the
    ///   matrix, ``LinearAlgebraError/nonFinite(index:)`` for a NaN or infinite `value`.
    package mutating func set(_ value: Float, row: Int, column: Int) throws {
        let index = try offset(row: row, column: column)
        guard value.isFinite else { throw LinearAlgebraError.nonFinite(index: index) }
        values[index] = value
    }

    /// A copy of row `index`.
    /// - Throws: ``LinearAlgebraError/indexOutOfRange(row:column:rows:columns:)`` for a row
    ///   outside the matrix.
    public func row(_ index: Int) throws -> [Float] {
        guard index >= 0, index < rows, hasConsistentStorage else {
            throw LinearAlgebraError.indexOutOfRange(row: index, column: 0, rows: rows, columns: columns)
        }
        return Array(values[(index * columns)..<((index + 1) * columns)])
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
