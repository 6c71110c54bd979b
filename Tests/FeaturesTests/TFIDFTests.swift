import Testing
import DocSiftCorpus
@testable import DocSiftFeatures

@Suite("TF-IDF vectors")
struct TFIDFTests {
    let seeds = (try? SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL))?.articles.map(\.text) ?? []

    @Test func vectorsAreUnitLengthAndSorted() throws {
        try #require(seeds.count == 37)
        let vectorizer = TFIDFVectorizer.fit(documents: seeds)
        for text in seeds {
            let v = vectorizer.transform(text)
            #expect(abs(v.norm - 1) < 1e-4)
            #expect(zip(v.indices, v.indices.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    @Test func workspacePathEqualsDictionaryPath() throws {
        try #require(seeds.count == 37)
        let vectorizer = TFIDFVectorizer.fit(documents: seeds, minDocumentFrequency: 2)
        let workspace = TFIDFVectorizer.Workspace()
        for text in seeds {
            let a = vectorizer.transform(text)
            let b = vectorizer.transform(text, using: workspace)
            #expect(a.indices == b.indices)
            #expect(zip(a.values, b.values).allSatisfy { abs($0 - $1) < 1e-6 })
        }
    }

    @Test func rareGramsWeighMoreThanCommonOnes() throws {
        try #require(seeds.count == 37)
        let vectorizer = TFIDFVectorizer.fit(documents: seeds)
        let idf = { (text: String) -> Float in
            let key = NGramExtractor().keys(in: text).last ?? 0
            return vectorizer.idf[vectorizer.vocabulary.index(of: key) ?? 0]
        }
        // "的" is on every page; "诈骗" appears in only a few articles.
        #expect(idf("诈骗") > idf("的") + 1)
    }

    @Test func backgroundChangesIDFButNotTheVocabulary() throws {
        try #require(seeds.count == 37)
        let plain = TFIDFVectorizer.fit(documents: seeds)
        let background = Array(repeating: "党建引领基层治理", count: 50)
        let withBackground = TFIDFVectorizer.fit(documents: seeds, idfBackground: background)
        #expect(plain.vocabulary == withBackground.vocabulary)
        let key = NGramExtractor().keys(in: "党建").last ?? 0
        let index = try #require(plain.vocabulary.index(of: key))
        #expect(withBackground.idf[index] < plain.idf[index])
    }

    @Test func fittingIsDeterministicAndPrunes() throws {
        try #require(seeds.count == 37)
        let a = TFIDFVectorizer.fit(documents: seeds, minDocumentFrequency: 2, maxFeatures: 3000)
        let b = TFIDFVectorizer.fit(documents: seeds.reversed(), minDocumentFrequency: 2, maxFeatures: 3000)
        #expect(a == b)
        #expect(a.vocabulary.count == 3000)
        let twice = TFIDFVectorizer.fit(documents: seeds, minDocumentFrequency: 2).vocabulary.count
        let all = TFIDFVectorizer.fit(documents: seeds).vocabulary.count
        #expect(twice > 3000 && all > 2 * twice)
    }

    @Test func unknownTextGivesTheEmptyVector() {
        let vectorizer = TFIDFVectorizer.fit(documents: ["党建引领"])
        #expect(vectorizer.transform("hello").count == 0)
        #expect(vectorizer.transform("").count == 0)
    }
}
