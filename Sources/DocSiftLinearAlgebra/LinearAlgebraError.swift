import Foundation

/// Errors from the BLAS/LAPACK layer.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Operand shapes do not fit the operation.
    case dimensionMismatch(String)
    /// A LAPACK routine returned a non-zero `info`.
    case lapackFailure(routine: String, info: Int32)

    public var description: String {
        switch self {
        case .dimensionMismatch(let what): return "dimension mismatch: \(what)"
        case .lapackFailure(let routine, let info): return "\(routine) failed with info = \(info)"
        }
    }
}

extension LinearAlgebraError: LocalizedError {
    /// The one-line description, so `localizedDescription` reads the same.
    public var errorDescription: String? { description }
}
