import ArgumentParser
import DocSift
import Foundation

/// Options of the verbs that process many documents in parallel.
struct BulkOptions: ParsableArguments {
    @Option(help: "Worker threads (default: the number of cores). Output keeps input order.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }
}

/// Runs a per-document function over every input record on several threads and writes one
/// output per input record, in input order, with a progress line on a terminal.
enum BulkRun {
    /// - Parameters:
    ///   - transform: the work per readable record; called from worker threads.
    ///   - write: receives each result (or the error of an unreadable record) in input order.
    static func run<Output: Sendable>(
        verb: String, input: InputOptions, bulk: BulkOptions,
        transform: @escaping @Sendable (InputRecord) -> Output,
        write: @escaping (Result<Output, InputRecordError>) throws -> Void
    ) throws {
        // Our own threads do the parallel work; BLAS calls inside stay single-threaded.
        BLASProvider.setThreadCount(1)
        let progress = ProgressLine(verb: verb, totalBytes: ProgressLine.inputSize(of: input.source.paths))
        let map = OrderedParallelMap<Result<InputRecord, InputRecordError>, (Result<Output, InputRecordError>, Int)>(
            threads: bulk.threads, batchSize: 16,
            transform: { item in
                switch item {
                case .success(let record): return (.success(transform(record)), record.text.utf8.count)
                case .failure(let error): return (.failure(error), 0)
                }
            },
            deliver: { result, size in
                try write(result)
                progress.advance(bytes: size)
            })
        defer { progress.finish() }
        do {
            try input.forEachRecord(verb: verb, { record in try map.submit(.success(record)) },
                                    report: { error in try map.submit(.failure(error)) })
        } catch {
            try map.finish()
            throw error
        }
        try map.finish()
    }
}
