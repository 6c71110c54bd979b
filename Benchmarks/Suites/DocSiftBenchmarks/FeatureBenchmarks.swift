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
        let workspace = TFIDFVectorizer.Workspace()
        for _ in benchmark.scaledIterations {
            var nonZeros = 0
            for text in texts { nonZeros += vectorizer.transform(text, using: workspace).count }
            blackHole(nonZeros)
        }
    }
}
