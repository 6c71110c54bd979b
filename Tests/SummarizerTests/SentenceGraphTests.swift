import Testing
@testable import DocSiftSummarizer
import DocSift

/// The sentence graph of a real article: BLAS cosines against a direct computation, and
/// the vectorized power iteration against a plain one.
@Suite struct SentenceGraphTests {
    @Test func cosinesAndCentralityMatchDirectComputations() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let article = try #require(corpus.articles.first { $0.id == "s000-04" })
        let background = try BackgroundIDF(contentsOf: TestPaths.newsIDF)
        let body = BodySentences(document: PreparedDocument(text: article.text), title: article.title,
                                 maximumSentences: 2_000, maximumCharacters: 100_000)
        let features = DocumentFeatures(sentences: body.scalars, options: SummaryOptions().nGrams, background: background)
        let n = features.sentenceCount
        #expect(n > 8 && n % 8 != 0, "exercises the 8-lane loop and its tail (\(n) sentences)")
        let graph = SentenceGraph(features: features)
        // Cosines straight from the sparse sentence vectors.
        for i in 0..<n {
            for j in 0..<n where j != i {
                var dense = [Float](repeating: 0, count: features.featureCount)
                for k in features.rowStart[j]..<features.rowStart[j + 1] { dense[Int(features.rowFeature[k])] = features.rowWeight[k] }
                #expect(abs(graph(i, j) - features.dot(sentence: i, dense)) < 1e-5)
            }
            #expect(graph(i, i) == 0)
        }
        // Power iteration, written out.
        var p = [Float](repeating: 1 / Float(n), count: n)
        for _ in 0..<100 {
            var next = [Float](repeating: 0.15 / Float(n), count: n)
            for i in 0..<n {
                let sum = (0..<n).reduce(Float(0)) { $0 + graph(i, $1) }
                for j in 0..<n { next[j] += 0.85 * p[i] * (sum > 0 ? graph(i, j) / sum : 1 / Float(n)) }
            }
            p = next
        }
        let centrality = graph.centrality(damping: 0.85)
        #expect(abs(centrality.reduce(0, +) - 1) < 1e-4)
        for i in 0..<n { #expect(abs(centrality[i] - p[i]) < 1e-4, "sentence \(i): \(centrality[i]) vs \(p[i])") }
    }
}
