import Foundation

/// Why a background IDF file or a JSONL data file could not be read, written or built.
public enum SummarizerDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The data does not start with the IDF magic bytes.
    case notAnIDFFile
    /// The file was written by an unknown format version.
    case unsupportedVersion(UInt32)
    /// The data ends before the header or payload is complete.
    case truncated
    /// The payload checksum does not match the header.
    case checksumMismatch
    /// The payload decodes to inconsistent values.
    case malformed(String)
    /// The file at `path` is not a valid IDF file (the problem says why).
    case invalidFile(path: String, problem: String)
    /// A JSONL record could not be used (its id, or `path:line` when it has none).
    case badRecord(id: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .io(path, reason): return "cannot access \(path): \(reason)"
        case .notAnIDFFile: return "not a DocSift IDF file (bad magic)"
        case let .unsupportedVersion(v): return "unsupported IDF file version \(v)"
        case .truncated: return "IDF file is truncated"
        case .checksumMismatch: return "IDF file checksum mismatch (corrupt file)"
        case let .malformed(reason): return "malformed IDF file: \(reason)"
        case let .invalidFile(path, problem): return "\(path): \(problem)"
        case let .badRecord(id, reason): return "\(id): \(reason)"
        }
    }
}

extension SummarizerDataError: LocalizedError {
    /// The one-line description, so `localizedDescription` reads the same.
    public var errorDescription: String? { description }
}
