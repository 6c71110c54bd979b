import Foundation
import Testing
import DocSift

/// #17: `minLength = 0` (set through the options' public var, or decoded) reached the
/// summarizer's key table as key 0, whose insert returned −1, and `tf[-1] += 1` wrote before
/// the buffer (a crash in debug builds, silent heap corruption in release); `maxLength = 0`
/// overwrote the empty-array header and `maxLength > 255` trapped. The lengths are now checked
/// where options are made or decoded, so a summarizer cannot be given them.
@Suite struct NGramLengthSafetyTests {
    @Test func badLengthsAreTypedErrorsBeforeAnySummarizerSeesThem() throws {
        #expect(throws: NGramOptionsError.minimumLengthBelowOne(0)) { try NGramOptions(minLength: 0, maxLength: 2) }
        #expect(throws: NGramOptionsError.maximumBelowMinimum(minLength: 1, maxLength: 0)) { try NGramOptions(minLength: 1, maxLength: 0) }
        #expect(throws: NGramOptionsError.minimumLengthBelowOne(-1)) { try NGramOptions(minLength: -1, maxLength: 2) }
        #expect(throws: NGramOptionsError.maximumLengthTooLarge(256)) { try NGramOptions(minLength: 1, maxLength: 256) }
        let json = #"{"minLength":0,"maxLength":2,"foldsDigits":true,"includesPunctuation":false}"#
        #expect(throws: NGramOptionsError.self) { try JSONDecoder().decode(NGramOptions.self, from: Data(json.utf8)) }
    }

    /// The edge lengths that are allowed summarize a real seed article without a background
    /// IDF (the path that corrupted memory) and give whole sentences within the budget.
    @Test func edgeLengthsSummarizeASeedArticle() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let text = try #require(corpus.articles.first?.text)
        for (low, high) in [(1, 1), (1, 2), (3, 3), (1, 8), (30, 255)] {
            let options = try NGramOptions(minLength: low, maxLength: high)
            let summarizer = Summarizer(options: SummaryOptions(nGrams: options), background: nil)
            let summary = summarizer.summarize(text, maxCharacters: 120)
            #expect(summary.text.unicodeScalars.count <= 120)
            if high < 30 { #expect(!summary.sentences.isEmpty) }
            _ = summarizer.keywords(in: text)
        }
    }
}
