import Benchmark
import DocSift
import Foundation

/// Labeling as a service does it: load the shipped model once, then per JSONL line parse
/// the record and classify it through the bulk path (`TopicScorer`). Throughput is per MB
/// of JSONL; model load is timed on its own.
func registerLabelBenchmarks() {
    let modelURL = BenchmarkData.packageRoot.appendingPathComponent("Models/default-topics.dsmodel")
    Benchmark("model load: shipped default model + scorer",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            guard let model = try? TopicModel.load(from: modelURL) else { return }
            blackHole(TopicScorer(model))
        }
    }

    let path = BenchmarkData.sharedData.appendingPathComponent("cnews_fulltext/cnews_subset.jsonl").path
    guard let data = FileManager.default.contents(atPath: path), let model = try? TopicModel.load(from: modelURL) else {
        FileHandle.standardError.write(Data("benchmarks: cnews JSONL or the default model missing: label suite skipped\n".utf8))
        return
    }
    let lines = data.split(separator: UInt8(ascii: "\n")).map { [UInt8]($0) }
    let scorer = TopicScorer(model)
    Benchmark("label end to end (parse JSONL + classify), cnews pass (\(data.count / 1024) KiB)",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { benchmark in
        let counts = NGramCounts()
        for _ in benchmark.scaledIterations {
            var labeled = 0
            for (number, line) in lines.enumerated() {
                guard case .success(let record) = JSONLRecordParser.parse(line, fallbackID: "line \(number)") else { continue }
                if scorer.classify(record.text, title: record.title, using: counts).label != "other" { labeled += 1 }
            }
            blackHole(labeled)
        }
    }
}
