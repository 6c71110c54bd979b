import DocSiftFeatures
import Foundation

/// IDF files: reading and writing stay here, beside the other file readers; the Features
/// module decodes and encodes bytes only (`BackgroundIDF.init(serialized:)`,
/// `BackgroundIDF.serialized()`).
extension BackgroundIDF {
    /// `Models/news-idf.bin` of this source checkout (built from the cnews corpus), for
    /// tools and tests run from a clone.
    public static var bundledNewsURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DocSift
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Models/news-idf.bin")
    }

    /// Reads an IDF file.
    /// - Throws: `BackgroundIDFError/unreadable(path:reason:)` when it cannot be read, or
    ///   `BackgroundIDFError/invalidFile(path:problem:)` naming the file when its content
    ///   is truncated, corrupt or of another version.
    public init(contentsOf url: URL) throws(BackgroundIDFError) {
        let bytes: [UInt8]
        switch FileSystemReason.contents(of: url) {
        case .success(let read): bytes = read
        case .failure(let failure): throw .unreadable(path: url.path, reason: failure.reason)
        }
        do {
            try self.init(serialized: bytes)
        } catch {
            throw .invalidFile(path: url.path, problem: error.description)
        }
    }

    /// Writes the binary form to `url` (atomically; a device such as `/dev/null` is written
    /// into, never replaced: see `OutputFile`).
    /// - Throws: `BackgroundIDFError/writeFailed(path:reason:)`.
    public func write(to url: URL) throws(BackgroundIDFError) {
        if let failure = OutputFile.write(serialized(), to: url.path) {
            throw .writeFailed(path: url.path, reason: failure)
        }
    }
}
