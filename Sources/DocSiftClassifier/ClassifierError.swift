import Foundation

/// Errors from reading profiles and labeled data, and from training.
public enum ClassifierError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A profile or data file could not be read.
    case unreadable(path: String, reason: String)
    /// A profile or data file was read but its content is not valid.
    case malformed(path: String, reason: String)
    /// Training cannot run on the given examples or options.
    case invalidTraining(String)
    /// A dense linear-algebra step failed (e.g. the system matrix was not positive definite).
    case numerical(String)

    /// A one-line message naming what failed.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .malformed(let path, let reason): return "\(path): \(reason)"
        case .invalidTraining(let reason): return "cannot train: \(reason)"
        case .numerical(let reason): return "numerical failure: \(reason)"
        }
    }
}

extension ClassifierError: LocalizedError {
    /// The one-line description, so `localizedDescription` reads the same.
    public var errorDescription: String? { description }
}
