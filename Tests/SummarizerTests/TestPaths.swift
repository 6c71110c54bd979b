import Foundation
import DocSift

/// Paths the summarizer tests read from.
enum TestPaths {
    /// The package root (this file is `Tests/SummarizerTests/TestPaths.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared benchmark data, `../shared/data` from the package root.
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    /// The background IDF artifact.
    static let newsIDF = BackgroundIDF.bundledNewsURL

    /// The data file at `relativePath`, or `nil` (and a note on stderr) when it is absent.
    static func data(_ relativePath: String) -> URL? {
        let url = sharedData.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            FileHandle.standardError.write(Data("skipping: \(url.path) is absent (shared benchmark data not mounted)\n".utf8))
            return nil
        }
        return url
    }
}
