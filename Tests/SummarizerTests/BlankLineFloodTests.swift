import Foundation
import Testing
import DocSift

/// A flood of leading blank lines (#17: 200,000 of them gave an empty summary in the library;
/// only the CLI skipped them) gives the same summary as the text without them.
@Suite struct BlankLineFloodTests {
    @Test func leadingBlankLinesDoNotEmptyTheSummary() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let article = try #require(corpus.articles.first)
        let summarizer = Summarizer(background: try? BackgroundIDF(contentsOf: TestPaths.newsIDF))
        let plain = summarizer.summarize(article.text, maxCharacters: 120)
        #expect(!plain.text.isEmpty)
        for flood in [String(repeating: "\n", count: 200_000), String(repeating: " \r\n\t", count: 70_000)] {
            let flooded = summarizer.summarize(flood + article.text, maxCharacters: 120)
            #expect(flooded.text == plain.text)
            #expect(flooded.sentenceIndices == plain.sentenceIndices)
            #expect(summarizer.keywords(in: flood + article.text, count: 5) == summarizer.keywords(in: article.text, count: 5))
        }
        // Only blank lines: empty, and said so by the kind.
        #expect(summarizer.summarize(String(repeating: "\n", count: 200_000), maxCharacters: 120).kind == .empty)
    }
}
