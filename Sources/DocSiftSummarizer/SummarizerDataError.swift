import Foundation

/// Why a JSONL data file of the summarizer (reference summaries) could not be read.
public enum SummarizerDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// A JSONL record could not be used (its id, or `path:line` when it has none).
    case badRecord(id: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .io(path, reason): return "cannot access \(path): \(reason)"
        case let .badRecord(id, reason): return "\(id): \(reason)"
        }
    }
}

extension SummarizerDataError: LocalizedError {
    /// The one-line description, so `localizedDescription` reads the same.
    public var errorDescription: String? { description }
}
