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
        try source.forEachRecord { result in
            switch result {
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
            OutputWriter.diagnostic("\(verb): \(failures) record(s) could not be read")
        }
        if stoppedEarly {
            OutputWriter.diagnostic("\(verb): stopped at the first bad record (--strict)")
            throw ExitCode.failure
        }
    }
}
