import DocSift
import Foundation

/// Inputs shared by the suites: the seed articles and, when `../shared/data` is present,
/// cnews full text (benchmarks skip what is missing and say so).
enum BenchmarkData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let seedTexts: [String] = {
        let url = packageRoot.appendingPathComponent("seeds/articles.json")
        return (try? SeedCorpus(manifestURL: url))?.articles.map(\.text) ?? []
    }()

    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// cnews full-text articles (title + body), or an empty list with a note on stderr.
    static let cnewsTexts: [String] = {
        let path = sharedData.appendingPathComponent("cnews_fulltext/cnews_subset.jsonl").path
        guard FileManager.default.fileExists(atPath: path) else {
            FileHandle.standardError.write(Data("benchmarks: \(path) not found: cnews suites skipped\n".utf8))
            return []
        }
        var texts: [String] = []
        try? InputSource(paths: [path]).forEachRecord { result in
            if case .success(let record) = result { texts.append(record.text) }
            return true
        }
        return texts
    }()

    static func totalBytes(_ texts: [String]) -> Int { texts.reduce(0) { $0 + $1.utf8.count } }
}
