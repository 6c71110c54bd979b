import Foundation

/// Errors from the BLAS/LAPACK layer: bad shapes, bad indices, non-finite entries and
/// LAPACK failures. Each message is one line that says what was wrong and what to do.
public enum LinearAlgebraError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    /// Operand shapes do not fit the operation.
    case dimensionMismatch(String)
    /// A matrix shape that cannot exist: a negative size, a size above
    /// ``DenseMatrix/maximumDimension``, or more entries than memory can address.
    case invalidShape(rows: Int, columns: Int)
    /// An entry outside the matrix was asked for.
    case indexOutOfRange(row: Int, column: Int, rows: Int, columns: Int)
    /// A matrix was given a NaN or infinite entry (the first one is at `index`, row-major).
    case nonFinite(index: Int)
    /// A LAPACK routine returned a non-zero `info`.
    case lapackFailure(routine: String, info: Int32)

    /// A one-line message: what was wrong and what to do.
    public var description: String {
        switch self {
        case .dimensionMismatch(let what):
            return "dimension mismatch: \(what); pass operands whose shapes fit the operation"
        case .invalidShape(let rows, let columns):
            return "a \(rows)×\(columns) matrix cannot be made: sizes must be 0…\(DenseMatrix.maximumDimension) and the entries must fit in memory"
        case .indexOutOfRange(let row, let column, let rows, let columns):
            return "entry (\(row), \(column)) is outside the \(rows)×\(columns) matrix; use a row below \(rows) and a column below \(columns)"
        case .nonFinite(let index):
            return "matrix entry \(index) (row-major) is NaN or infinite; only finite numbers are accepted"
        case .lapackFailure(let routine, let info):
            return "\(routine) failed with info = \(info); the matrix is singular or not positive definite"
        }
    }

    /// The same line as ``description``.
    public var errorDescription: String? { description }
}
