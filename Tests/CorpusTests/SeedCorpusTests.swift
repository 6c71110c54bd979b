import Foundation
import Testing
@testable import DocSiftCorpus

@Suite("Seed corpus")
struct SeedCorpusTests {
    @Test func loadsAllThirtySevenArticles() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        #expect(corpus.articles.count == 37)
        #expect(corpus.pages.count == 5)
        #expect(Set(corpus.articles.map(\.id)).count == 37)
        // Every label is one of the five names, and the counts match the manifest's text.
        let counts = Dictionary(grouping: corpus.articles, by: \.label).mapValues(\.count)
        #expect(counts == ["party_building": 10, "rural_revitalization": 6, "safety_production": 4,
                           "anti_fraud": 1, "other": 16])
        for article in corpus.articles {
            #expect(TopicLabel(rawValue: article.label) != nil)
            #expect(article.secondary.allSatisfy { TopicLabel(rawValue: $0) != nil })
        }
    }

    @Test func articleTextIsTheRangesLines() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let fraud = try #require(corpus.articles.first { $0.id == "s000-04" })
        #expect(fraud.lineRanges == [168...212])
        #expect(fraud.text.hasPrefix("农行甘孜九龙县支行\n成功堵截一起电信诈骗"))
        #expect(fraud.text.split(separator: "\n", omittingEmptySubsequences: false).count == 45)
        let twoRanges = try #require(corpus.articles.first { $0.id == "s000-01" })
        #expect(twoRanges.lineRanges.count == 2)
        #expect(twoRanges.text.contains("“一张网”兜"))
    }

    @Test func missingManifestIsATypedError() {
        #expect(throws: CorpusError.self) {
            try SeedCorpus(manifestURL: URL(fileURLWithPath: "/nonexistent/articles.json"))
        }
    }

    @Test func recognizesManifests() {
        #expect(SeedCorpus.isManifest(SeedCorpus.bundledManifestURL))
        #expect(!SeedCorpus.isManifest(URL(fileURLWithPath: #filePath)))
    }
}
