import Foundation

/// Why a model file could not be read or written. Every case names the file and says
/// what to do, in one line.
public enum ModelFileError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file does not start with the model magic bytes.
    case notAModel(path: String)
    /// The file is of a format version this code does not read.
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// The file ends before its declared content.
    case truncated(path: String)
    /// The payload checksum does not match: the file is corrupt.
    case checksumMismatch(path: String)
    /// The payload is inconsistent (bad sizes, labels, numbers).
    case malformed(path: String, reason: String)
    /// Writing or renaming the file failed.
    case writeFailed(path: String, reason: String)

    /// A one-line message naming what failed.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read model file: \(reason); check the path (a .dsmodel file written by `docsift train`) and its permissions"
        case .notAModel(let path): return "\(path): not a DocSift topic model file; pass a .dsmodel written by `docsift train`"
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path): model format version \(found) is not supported (this build reads \(supported)); retrain it with this docsift"
        case .truncated(let path): return "\(path): model file is truncated; copy it again or retrain it"
        case .checksumMismatch(let path): return "\(path): model file is corrupt (checksum mismatch); copy it again or retrain it"
        case .malformed(let path, let reason): return "\(path): malformed model file: \(reason); retrain it with `docsift train`"
        case .writeFailed(let path, let reason): return "\(path): cannot write model file: \(reason); check free space and permissions"
        }
    }

    /// The same line as ``description``.
    public var errorDescription: String? { description }
}
