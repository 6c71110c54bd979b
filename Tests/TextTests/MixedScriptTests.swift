import DocSift
import Foundation
import Testing
@testable import DocSiftText

/// Full-width ASCII, Latin words, emoji and private-use characters in otherwise Chinese
/// text do not change the shipped model's label.
@Suite struct MixedScriptTests {
    /// Every ASCII letter and digit in its full-width form.
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            let v = s.value
            let isAlphanumeric = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            return isAlphanumeric ? Unicode.Scalar(v + 0xFEE0) ?? s : s
        }))
    }

    /// An emoji (with a variation selector or a skin tone) after every 。 and inside words,
    /// and a private-use icon-font character at every line start.
    static func decorated(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "" : "\u{E61D}"
            out += line.replacingOccurrences(of: "。", with: "。👍🏻")
                .replacingOccurrences(of: "安全", with: "安✅全").replacingOccurrences(of: "党建", with: "党❤️建")
                .replacingOccurrences(of: "诈骗", with: "诈🚨骗") + "\n"
        }
        return out
    }

    @Test func emojiAndPrivateUseCharactersAreDroppedFromFeatureText() {
        #expect(FeatureText.prepare("安✅全生产🔥，党❤️建引领\u{E61D}。") == "安全生产，党建引领。")
        #expect(FeatureText.prepare("★ 重点 ✓ 完成") == "★ 重点 ✓ 完成")
    }

    @Test func decoratedSeedArticlesKeepTheirScores() throws {
        let corpus = try #require(Seeds.corpus, "seed corpus missing")
        let scorer = TopicScorer(try TopicModel.loadDefault())
        let counts = NGramCounts()
        for article in corpus.articles {
            let plain = scorer.classify(article.text, using: counts)
            let decorated = scorer.classify(MixedScriptTests.decorated(article.text), using: counts)
            #expect(decorated.label == plain.label, "\(article.id)")
            #expect(decorated.scores.map(\.score) == plain.scores.map(\.score), "\(article.id)")
        }
    }

    @Test func fullWidthAndLatinWordsKeepTheLabel() throws {
        let corpus = try #require(Seeds.corpus, "seed corpus missing")
        let model = try TopicModel.loadDefault()
        for article in corpus.articles {
            let plain = model.classify(article.text)
            let wide = model.classify(MixedScriptTests.fullWidth(article.text))
            #expect(wide.label == plain.label, "\(article.id) full-width")
            // Latin words and product names as news text mixes them in.
            let latin = article.text.replacingOccurrences(of: "，", with: "，APP ", options: [], range: nil)
                .replacingOccurrences(of: "。", with: "（CEO John Smith）。")
            #expect(model.classify(latin).label == plain.label, "\(article.id) Latin words")
        }
    }
}
