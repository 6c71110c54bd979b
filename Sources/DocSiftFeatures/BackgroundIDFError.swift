import Foundation

/// Why a background IDF file could not be read or written.
public enum BackgroundIDFError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file could not be written.
    case writeFailed(path: String, reason: String)
    /// The data does not start with the IDF magic bytes.
    case notAnIDFFile
    /// The file was written by a format version this build does not read.
    case unsupportedVersion(UInt32)
    /// The data ends before the header or payload is complete.
    case truncated
    /// The checksum does not match: the file is corrupt.
    case checksumMismatch
    /// The payload decodes to inconsistent values.
    case malformed(String)
    /// Statistics that no corpus gives (a negative document count, a document frequency
    /// above the document count).
    case invalidStatistics(String)
    /// The file at `path` is not a valid IDF file (the problem says why).
    case invalidFile(path: String, problem: String)

    init(_ problem: BinaryContainer.Problem) {
        switch problem {
        case .wrongMagic: self = .notAnIDFFile
        case .truncated: self = .truncated
        case let .unsupportedVersion(version): self = .unsupportedVersion(version)
        case .checksumMismatch: self = .checksumMismatch
        case let .trailingBytes(count): self = .malformed("\(count) bytes after the checksum")
        }
    }

    /// A one-line explanation and what to do.
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "\(path): cannot read IDF file: \(reason); check the path (an IDF file written by `docsift build-idf`) and its permissions"
        case let .writeFailed(path, reason): "\(path): cannot write IDF file: \(reason); check free space and permissions"
        case .notAnIDFFile: "not a DocSift IDF file (bad magic): give a file written by `docsift build-idf`"
        case let .unsupportedVersion(v):
            "IDF file version \(v) is not supported (this build reads 1 and \(BackgroundIDF.formatVersion)): rebuild it with docsift build-idf"
        case .truncated: "IDF file is truncated: rebuild it with docsift build-idf"
        case .checksumMismatch: "IDF file checksum mismatch (corrupt file): rebuild it with docsift build-idf"
        case let .malformed(reason): "malformed IDF file: \(reason); rebuild it with docsift build-idf"
        case let .invalidStatistics(reason): "invalid IDF statistics: \(reason); rebuild the file with docsift build-idf"
        case let .invalidFile(path, problem): "\(path): \(problem)"
        }
    }

    /// The ``description``.
    public var errorDescription: String? { description }
}
