import Benchmark
import DocSift
import Foundation

/// Every suite, registered in data-flow order. BLAS threads come from the environment
/// (run with `OPENBLAS_NUM_THREADS=1`, as the README says); the setting is logged with each run.
nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    print("OPENBLAS_NUM_THREADS=\(ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "unset")")
    registerFeatureBenchmarks()
    registerScorerBenchmark()
    registerLabelBenchmarks()
    registerLinearAlgebraBenchmarks()
    registerSummarizerBenchmarks()
}
