import Foundation

/// Errors from reading profiles and labeled data, from training, and from scoring vectors
/// that do not fit a model. Each message is one line naming what failed and what to do.
public enum ClassifierError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    /// A profile or data file could not be read.
    case unreadable(path: String, reason: String)
    /// A profile or data file was read but its content is not valid.
    case malformed(path: String, reason: String)
    /// Training cannot run on the given examples or options.
    case invalidTraining(String)
    /// A dense linear-algebra step failed (e.g. the system matrix was not positive definite).
    case numerical(String)
    /// A feature vector does not fit the model (an index out of range, or counts that differ).
    case invalidVector(String)

    /// A one-line message naming what failed.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason); check the path and permissions"
        case .malformed(let path, let reason): return "\(path): \(reason)"
        case .invalidTraining(let reason): return "cannot train: \(reason)"
        case .numerical(let reason): return "numerical failure: \(reason); try a larger regularization"
        case .invalidVector(let reason): return "feature vector does not fit the model: \(reason)"
        }
    }

    /// The same line as ``description``.
    public var errorDescription: String? { description }
}
