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

    @Test func reusedCountsGiveTheSameVectorsAsFreshOnes() throws {
        try #require(seeds.count == 37)
        let vectorizer = TFIDFVectorizer.fit(documents: seeds, minDocumentFrequency: 2)
        let counts = NGramCounts()
        // Longest first, so later documents reuse a grown, dirty table.
        for text in seeds.sorted(by: { $0.count > $1.count }) {
            let fresh = vectorizer.transform(text)
            let reused = vectorizer.transform(text, using: counts)
            #expect(fresh == reused)
        }
    }

    @Test func countsAreOccurrencesInFirstSeenOrder() throws {
        try #require(seeds.count == 37)
        let extractor = NGramExtractor()
        let counts = NGramCounts()
        // All seeds as one document: about 20k distinct n-grams, so the table grows.
        let text = seeds.joined(separator: "\n")
        counts.count(text, with: extractor)
        var expected: [UInt64: UInt32] = [:]
        var order: [UInt64] = []
        for key in extractor.keys(in: text) {
            if expected[key] == nil { order.append(key) }
            expected[key, default: 0] += 1
        }
        #expect(counts.distinctCount == order.count)
        #expect(counts.distinctCount > 8192)
        var seen: [(UInt64, UInt32)] = []
        counts.forEach { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == order)
        #expect(seen.allSatisfy { expected[$0.0] == $0.1 })
        // The next document replaces the previous one entirely.
        counts.count("安全生产安全", with: extractor)
        var small: [UInt64: UInt32] = [:]
        counts.forEach { small[$0] = $1 }
        // 4 distinct unigrams, 4 bigrams (安全 twice), 4 trigrams.
        #expect(small.count == 12)
        #expect(small[NGramKey.key(of: "安全".unicodeScalars.map(\.value))] == 2)
        #expect(small[NGramKey.key(of: "生产".unicodeScalars.map(\.value))] == 1)
    }

    @Test func batchCountingMatchesADictionary() throws {
        try #require(seeds.count == 37)
        let extractor = NGramExtractor()
        let counts = NGramCounts()
        var table = KeyCountTable()
        var expected: [UInt64: Int] = [:]
        // Per seed, its distinct n-grams: the table grows from 4,096 slots several times.
        for text in seeds {
            counts.count(text, with: extractor)
            let keys = CountedNGrams(counts).keys
            table.addOne(toEach: keys)
            for key in keys { expected[key, default: 0] += 1 }
        }
        #expect(table.count == expected.count)
        let probe = Array(expected.keys) + [1, 2, 3, 0]  // three absent keys and the invalid one
        let found = table.counts(of: probe)
        for (key, count) in zip(probe, found) {
            #expect(count == (expected[key] ?? 0))
            #expect(count == table[key])
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
