import Foundation

/// One labeled article cut out of a seed page.
public struct SeedArticle: Sendable, Equatable, Codable {
    /// Stable id such as `s000-04`.
    public let id: String
    /// File name of the page the article was cut from.
    public let page: String
    /// The annotator's title (photo captions have a descriptive one in parentheses).
    public let title: String
    /// The article's raw page lines, range after range, joined by newlines.
    public let text: String
    /// Primary topic as written in the manifest (one of the five label names).
    public let label: String
    /// Other topics the article substantially covers.
    public let secondary: [String]
    /// 1-based inclusive line ranges into the page file.
    public let lineRanges: [ClosedRange<Int>]
    /// A photo caption rather than a full article.
    public let isShort: Bool
    /// Reasonable annotators could disagree on the primary label.
    public let isBorderline: Bool
}

/// The labeled seed pages: page files plus `articles.json`, the manifest that cuts them
/// into articles.
public struct SeedCorpus: Sendable {
    /// The manifest's label names, in its order.
    public let labels: [String]
    /// Every article in manifest order.
    public let articles: [SeedArticle]
    /// Page file name → the page's lines (without line terminators).
    public let pages: [String: [String]]

    /// Loads the manifest at `manifestURL`; page files are looked up in `pages/` beside it,
    /// then beside it.
    /// - Throws: ``CorpusError`` when the manifest or a page is missing or a range is invalid.
    public init(manifestURL: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: manifestURL) } catch {
            throw CorpusError.unreadable(path: manifestURL.path, reason: error.localizedDescription)
        }
        let manifest: SeedManifest
        do { manifest = try JSONDecoder().decode(SeedManifest.self, from: data) } catch {
            throw CorpusError.malformed(path: manifestURL.path, reason: "not a seed manifest: \(error)")
        }
        let directory = manifestURL.deletingLastPathComponent()
        var pages: [String: [String]] = [:]
        var articles: [SeedArticle] = []
        for entry in manifest.articles {
            if pages[entry.page] == nil {
                pages[entry.page] = try SeedCorpus.readPage(named: entry.page, near: directory)
            }
            let lines = pages[entry.page] ?? []
            var ranges: [ClosedRange<Int>] = []
            var pieces: [String] = []
            for pair in entry.ranges {
                guard pair.count == 2, pair[0] >= 1, pair[0] <= pair[1], pair[1] <= lines.count else {
                    throw CorpusError.malformed(
                        path: manifestURL.path, reason: "article \(entry.id): bad line range \(pair)")
                }
                ranges.append(pair[0]...pair[1])
                pieces.append(lines[(pair[0] - 1)...(pair[1] - 1)].joined(separator: "\n"))
            }
            articles.append(SeedArticle(
                id: entry.id, page: entry.page, title: entry.title,
                text: pieces.joined(separator: "\n"), label: entry.label,
                secondary: entry.secondary, lineRanges: ranges,
                isShort: entry.short ?? false, isBorderline: entry.borderline ?? false))
        }
        self.labels = manifest.labels
        self.articles = articles
        self.pages = pages
    }

    /// The `seeds/articles.json` of this source checkout, for tests and tools run from a clone.
    public static var bundledManifestURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DocSiftCorpus
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("seeds/articles.json")
    }

    /// Whether a file looks like a seed manifest (a JSON object with an `articles` array
    /// of objects carrying `ranges`).
    public static func isManifest(_ url: URL) -> Bool {
        guard url.pathExtension == "json", let data = try? Data(contentsOf: url) else { return false }
        return (try? JSONDecoder().decode(SeedManifest.self, from: data)) != nil
    }

    private static func readPage(named name: String, near directory: URL) throws -> [String] {
        let candidates = [directory.appendingPathComponent("pages").appendingPathComponent(name),
                          directory.appendingPathComponent(name)]
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                throw CorpusError.unreadable(path: url.path, reason: "not UTF-8 text")
            }
            return PageLines.split(text)
        }
        throw CorpusError.unreadable(path: candidates[0].path, reason: "page file not found")
    }
}

/// Splitting a page into lines the way line numbers in manifests and `split` output count them.
public enum PageLines {
    /// The lines of `text`, split on `\n` (a `\r` before it is dropped); a final newline
    /// does not start an extra line.
    public static func split(_ text: String) -> [String] {
        // Split on the scalar U+000A: as Characters, "\r\n" is one grapheme and would not split.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var scalars = String.UnicodeScalarView(line)
            if scalars.last == "\r" { scalars.removeLast() }
            return String(scalars)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The on-disk shape of `articles.json`.
struct SeedManifest: Codable {
    struct Entry: Codable {
        let id: String
        let page: String
        let ranges: [[Int]]
        let title: String
        let label: String
        let secondary: [String]
        let short: Bool?
        let borderline: Bool?
    }
    let labels: [String]
    let articles: [Entry]
}
