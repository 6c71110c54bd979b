import Foundation
import Testing
import DocSift

/// The character budget is kept on the prepared text (private-use symbols dropped, traditional
/// characters converted), but the summary is handed back in the document's own characters,
/// which can be longer. FuzzSummarizer found a page whose summary came back 131 characters for
/// a budget of 130 (Tests/Fixtures/fuzz-regressions/summarizer-budget-private-use, replayed
/// here with the fuzzer's options): the original summary must fit the budget too.
@Suite struct PreparedTextBudgetTests {
    @Test func theOriginalSummaryKeepsTheBudget() throws {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions/summarizer-budget-private-use")
        let bytes = [UInt8](try Data(contentsOf: url))
        let text = String(decoding: bytes[4...], as: UTF8.self)
        let nGrams = try NGramOptions(minLength: 1, maxLength: 8, foldsDigits: false, includesPunctuation: false)
        let options = SummaryOptions(nGrams: nGrams, cutsSentenceAtClause: true, keywordCount: 6)
        let summarizer = Summarizer(options: options, background: try BackgroundIDF.loadDefault())
        for budget in [60, 100, 130, 200] {
            let summary = summarizer.summarize(text, maxCharacters: budget)
            #expect(summary.text.unicodeScalars.count <= budget, "budget \(budget)")
            #expect(!summary.text.isEmpty)
        }
    }

    /// Seed articles with private-use bullets and emoji added keep every budget.
    @Test func symbolsInSeedArticlesDoNotPushSummariesOverBudget() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let summarizer = Summarizer(background: try BackgroundIDF.loadDefault())
        for article in corpus.articles.prefix(10) {
            let noisy = article.text.replacingOccurrences(of: "，", with: "，\u{F0D8}\u{1F600}")
            for budget in [20, 40, 80, 120, 200] {
                #expect(summarizer.summarize(noisy, maxCharacters: budget).text.unicodeScalars.count <= budget,
                        "\(article.id) at \(budget)")
            }
        }
    }
}
