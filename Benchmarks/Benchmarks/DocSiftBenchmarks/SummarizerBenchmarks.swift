import Benchmark
import DocSift
import Foundation

/// Summarizing one CLTS-sized article (≈ 2,000 characters), single-threaded, from raw text:
/// text preparation, sentence graph, priors, redundancy control and keywords.
func registerSummarizerBenchmarks() {
    let path = BenchmarkData.sharedData.appendingPathComponent("clts_samples/samples.jsonl").path
    var articles: [String] = []
    try? InputSource(paths: [path]).forEachRecord { result in
        if case .success(let record) = result { articles.append(record.text) }
        return true
    }
    let sized = articles.filter { (1_800...2_400).contains($0.unicodeScalars.count) }
    guard let article = sized.first ?? articles.first ?? BenchmarkData.seedTexts.first else { return }
    let summarizer = Summarizer(background: try? BackgroundIDF.loadDefault())
    Benchmark("summarize one \(article.unicodeScalars.count)-character article",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(summarizer.summarize(article, maxCharacters: 120))
        }
    }
    Benchmark("prepare one \(article.unicodeScalars.count)-character article (reflow + sentences)",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(PreparedDocument(text: article)) }
    }
}
