import ArgumentParser
import DocSift
import Foundation

/// Options of the verbs that process many documents in parallel.
struct BulkOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Worker threads (default: the number of cores; at most 4 × the cores are used). Output keeps input order.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// The threads used: more than four per core only adds memory and switching.
    var effectiveThreads: Int { min(threads, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    /// The most input bytes read ahead of the writer, over all threads.
    static let maximumBytesInFlight = 8 << 20
}

/// Runs a per-document function over every input record on several threads and writes one
/// output per input record, in input order, with a progress line on a terminal.
///
/// The calling thread only reads lines and writes results; parsing JSON, the per-document
/// work and rendering the output all run on the workers. When input stalls (a co-process
/// that writes one record and waits for its answer), every finished result is written and
/// flushed before reading waits.
enum BulkRun {
    /// - Parameters:
    ///   - transform: the work per readable record; called from worker threads.
    ///   - write: receives each result (or the error of an unreadable record) in input order.
    ///   - flush: sends what `write` buffered to the output.
    static func run<Output: Sendable>(
        verb: String, input: InputOptions, bulk: BulkOptions,
        transform: @escaping @Sendable (InputRecord) -> Output,
        write: @escaping (Result<Output, InputRecordError>) throws -> Void,
        flush: @escaping () throws -> Void
    ) throws {
        // Our own threads do the parallel work; BLAS calls inside stay single-threaded.
        BLASProvider.setThreadCount(1)
        let progress = ProgressLine(verb: verb, totalBytes: ProgressLine.inputSize(of: input.source.paths))
        var tally = RecordTally(verb: verb, strict: input.strict)
        let fields = input.fieldNames
        let map = OrderedParallelMap<PendingRecord, Processed<Output>>(
            threads: bulk.effectiveThreads, batchSize: 64, maximumWeightInFlight: BulkOptions.maximumBytesInFlight,
            weight: { $0.byteCount },
            transform: { pending in
                let read = pending.resolve(fields: fields)
                let parsedID = try? read.get().id
                switch BlankDocumentRule.checked(read) {
                case .success(let record):
                    return Processed(parsedID: parsedID, result: .success(transform(record)), bytes: record.text.utf8.count)
                case .failure(let error):
                    return Processed(parsedID: parsedID, result: .failure(error), bytes: 0)
                }
            },
            deliver: { processed in
                try write(processed.result)
                progress.advance(bytes: processed.bytes)
                let failure: InputRecordError? = if case .failure(let error) = processed.result { error } else { nil }
                guard tally.note(id: processed.parsedID, failure: failure) else { throw StopReading() }
            })
        do {
            do {
                try input.source.forEachPendingRecord(onStall: {
                    try map.drain()
                    try flush()
                }) { pending in
                    try map.submit(pending)
                    return true
                }
            } catch let error where !(error is StopReading) {
                try map.finish()  // write what was read before the input failed
                try flush()
                progress.finish()
                throw error
            }
            try map.finish()
        } catch is StopReading {
            // --strict: the bad record's output is written; the tally reports and fails.
        }
        try flush()
        progress.finish()
        try tally.finish()
    }

    /// One record after the worker: its id when it could be parsed, the outcome, its size.
    private struct Processed<Output: Sendable>: Sendable {
        var parsedID: String?
        var result: Result<Output, InputRecordError>
        var bytes: Int
    }

    /// Thrown by delivery to stop reading at the first bad record under `--strict`.
    private struct StopReading: Error {}
}
