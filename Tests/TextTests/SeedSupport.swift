import DocSiftCorpus
import DocSiftText

/// The seed corpus, loaded once for all tests.
enum Seeds {
    static let corpus: SeedCorpus? = try? SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)

    /// Page file names in order.
    static var pageNames: [String] { (corpus?.pages.keys.map { $0 } ?? []).sorted() }

    /// A page's text as read from disk (lines joined by newlines).
    static func pageText(_ name: String) -> String {
        (corpus?.pages[name] ?? []).joined(separator: "\n")
    }

    /// The manifest articles of a page, in manifest order.
    static func articles(on page: String) -> [SeedArticle] {
        (corpus?.articles ?? []).filter { $0.page == page }
    }

    static func article(_ id: String) -> SeedArticle? {
        corpus?.articles.first { $0.id == id }
    }
}
