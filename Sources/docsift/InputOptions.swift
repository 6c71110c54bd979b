import ArgumentParser
import DocSift

/// The input arguments every document-reading verb shares.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Files (.txt = one document, .jsonl = one {\"id\",\"text\"[,\"title\"]} per line), directories (read recursively), or - for JSONL on standard input (the default).",
        valueName: "input"))
    var inputs: [String] = []

    @Flag(help: "Stop at the first record that cannot be read instead of reporting it and going on.")
    var strict = false

    /// The shared input layer over the given paths.
    var source: InputSource { InputSource(paths: inputs) }
}

extension InputOptions {
    /// Reads every input record in order, calling `process` for readable records and
    /// `report` for unreadable ones, so that each input record yields one output. Prints
    /// the count of unreadable records on standard error at the end.
    /// - Throws: `ExitCode.failure` when `--strict` is set and a record could not be read;
    ///   ``CorpusError`` for unusable paths.
    func forEachRecord(
        verb: String, _ process: (InputRecord) throws -> Void, report: (InputRecordError) throws -> Void
    ) throws {
        var failures = 0
        var stoppedEarly = false
        var ids = DuplicateIDCounter()
        try source.forEachRecord { result in
            var outcome = result
            if case .success(let record) = result {
                ids.note(record.id)
                if record.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                    outcome = .failure(InputRecordError(id: record.id, reason: "empty document"))
                }
            }
            switch outcome {
            case .success(let record):
                try process(record)
                return true
            case .failure(let error):
                failures += 1
                try report(error)
                if strict { stoppedEarly = true }
                return !strict
            }
        }
        if failures > 0 {
            OutputWriter.diagnostic("\(verb): \(failures) record(s) could not be processed")
        }
        if ids.duplicates > 0 {
            OutputWriter.diagnostic("\(verb): \(ids.duplicates) record(s) repeat an earlier id (each still has its own output)")
        }
        if stoppedEarly {
            OutputWriter.diagnostic("\(verb): stopped at the first bad record (--strict)")
            throw ExitCode.failure
        }
    }
}

/// Counts records whose id was seen before, remembering at most a million id fingerprints
/// so that memory stays bounded on endless streams.
struct DuplicateIDCounter {
    private var seen = Set<UInt64>()
    private(set) var duplicates = 0
    private let capacity = 1_000_000

    mutating func note(_ id: String) {
        let hash = FNV1a64.hash(id.utf8)
        if seen.contains(hash) {
            duplicates += 1
        } else if seen.count < capacity {
            seen.insert(hash)
        }
    }
}
