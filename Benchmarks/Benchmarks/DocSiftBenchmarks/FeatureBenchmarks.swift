import Benchmark
import DocSift

/// n-gram extraction and TF-IDF vectorization over cnews full text (throughput = bytes/s
/// is reported as the `throughput` metric scaled to one pass over the corpus).
func registerFeatureBenchmarks() {
    let texts = BenchmarkData.cnewsTexts.isEmpty ? BenchmarkData.seedTexts : BenchmarkData.cnewsTexts
    let bytes = BenchmarkData.totalBytes(texts)
    let extractor = NGramExtractor()

    Benchmark("n-gram extraction, corpus pass (\(bytes / 1024) KiB)",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { benchmark in
        for _ in benchmark.scaledIterations {
            var checksum: UInt64 = 0
            for text in texts { extractor.forEachKey(in: text) { checksum &+= $0 } }
            blackHole(checksum)
        }
    }

    let vectorizer = TFIDFVectorizer.fit(documents: texts, minDocumentFrequency: 2)
    Benchmark("TF-IDF vectorization, corpus pass (\(bytes / 1024) KiB)",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        let counts = NGramCounts()
        for _ in benchmark.scaledIterations {
            var nonZeros = 0
            for text in texts { nonZeros += vectorizer.transform(text, using: counts).count }
            blackHole(nonZeros)
        }
    }
}

/// The bulk labeling path (`TopicScorer`): n-grams counted per document, each distinct one
/// looked up once, scores summed from aligned rows; no vector is built. A 10-label model
/// over the corpus vocabulary (weights are random: the cost does not depend on them).
func registerScorerBenchmark() {
    let texts = BenchmarkData.cnewsTexts.isEmpty ? BenchmarkData.seedTexts : BenchmarkData.cnewsTexts
    let vectorizer = TFIDFVectorizer.fit(documents: texts)
    let c = 10
    var generator = SystemRandomNumberGenerator()
    let values = (0..<(vectorizer.vocabulary.count * c)).map { _ in Float.random(in: -1...1, using: &generator) }
    guard let weights = try? DenseMatrix(rows: vectorizer.vocabulary.count, columns: c, values: values) else { return }
    let rule = DecisionRule(softmaxScale: 10, abstainIndex: nil, abstainThresholds: [Float](repeating: 0, count: c),
                            secondaryThresholds: [Float](repeating: 1, count: c))
    guard let model = try? TopicModel(labels: (0..<c).map { "label\($0)" }, vectorizer: vectorizer, weights: weights,
                                      bias: [Float](repeating: 0, count: c), rule: rule) else { return }
    let scorer = TopicScorer(model)
    Benchmark("TopicScorer, 10 labels, \(vectorizer.vocabulary.count / 1000)k n-grams, corpus pass (\(BenchmarkData.totalBytes(texts) / 1024) KiB)",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        let counts = NGramCounts()
        for _ in benchmark.scaledIterations {
            var sum: Float = 0
            for text in texts { sum += scorer.scores(text, using: counts)[0] }
            blackHole(sum)
        }
    }
}
