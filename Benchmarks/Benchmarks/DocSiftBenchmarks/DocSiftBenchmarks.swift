import Benchmark
import DocSift

/// Every suite, registered in data-flow order. The BLAS provider is logged with each run.
nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    BLASProvider.setThreadCount(1)
    print("BLAS: \(BLASProvider.coreName), threads: \(BLASProvider.threadCount)")
    registerFeatureBenchmarks()
    registerScorerBenchmark()
    registerLabelBenchmarks()
    registerConversionBenchmarks()
    registerLinearAlgebraBenchmarks()
    registerSummarizerBenchmarks()
}
