import Foundation

/// Errors raised while reading documents and corpora. Each message is one line that names
/// the file, says what was wrong and, where there is one, what to do.
public enum CorpusError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file was read but its content is not what was expected.
    case malformed(path: String, reason: String)

    /// The one-line message.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .malformed(let path, let reason): return "\(path): \(reason)"
        }
    }

    /// The same one-line message, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// The system's text for `errno` value `code`, in lower case ("no such file or directory").
    public static func systemReason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
