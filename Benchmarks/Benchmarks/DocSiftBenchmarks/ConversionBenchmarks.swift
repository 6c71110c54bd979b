import Benchmark
import DocSift
import Foundation

/// What text preparation (traditional → simplified conversion, furniture, dropped symbols)
/// costs bulk labeling, measured in one run against the path without it (`TopicScorer`
/// on the raw title + text, which is how labeling ran before preparation existed), on
/// simplified cnews and on the same cnews in traditional characters
/// (`Benchmarks/conversion/run.sh` writes it with OpenCC's s2twp; skipped when absent).
func registerConversionBenchmarks() {
    let modelURL = BenchmarkData.packageRoot.appendingPathComponent("Models/default-topics.dsmodel")
    guard let model = try? TopicModel.load(from: modelURL), !BenchmarkData.cnewsTexts.isEmpty else {
        FileHandle.standardError.write(Data("benchmarks: cnews or the default model missing: conversion suite skipped\n".utf8))
        return
    }
    let scorer = TopicScorer(model)
    var inputs = [("simplified", BenchmarkData.cnewsTexts)]
    let traditionalPath = BenchmarkData.packageRoot.appendingPathComponent("Benchmarks/conversion/.data/cnews-s2twp.txt").path
    if let data = FileManager.default.contents(atPath: traditionalPath), let text = String(data: data, encoding: .utf8) {
        inputs.append(("traditional s2twp", text.split(separator: "\n").map(String.init)))
    } else {
        FileHandle.standardError.write(Data("benchmarks: \(traditionalPath) missing (run Benchmarks/conversion/run.sh): traditional input skipped\n".utf8))
    }
    for (name, texts) in inputs {
        let kib = BenchmarkData.totalBytes(texts) / 1024
        Benchmark("label \(name) cnews, without text preparation (\(kib) KiB)",
                  configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { benchmark in
            let counts = NGramCounts()
            for _ in benchmark.scaledIterations {
                var labeled = 0
                for text in texts where model.prediction(fromScores: scorer.scores(text, using: counts)).label != "other" { labeled += 1 }
                blackHole(labeled)
            }
        }
        Benchmark("label \(name) cnews, with text preparation (\(kib) KiB)",
                  configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { benchmark in
            let counts = NGramCounts()
            for _ in benchmark.scaledIterations {
                var labeled = 0
                for text in texts where scorer.classify(text, using: counts).label != "other" { labeled += 1 }
                blackHole(labeled)
            }
        }
        Benchmark("text preparation alone, \(name) cnews (\(kib) KiB)",
                  configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { benchmark in
            for _ in benchmark.scaledIterations {
                var bytes = 0
                for text in texts { bytes &+= FeatureText.prepare(text).utf8.count }
                blackHole(bytes)
            }
        }
    }
}
