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

    @Flag(help: "Keep traditional characters as they are (by default they are converted to simplified for labels, keywords and summary analysis; summaries keep the original characters).")
    var noConvert = false

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
        var tally = RecordTally(verb: verb, strict: strict)
        try source.forEachRecord { result in
            let parsedID = try? result.get().id
            switch InputOptions.checked(result) {
            case .success(let record):
                try process(record)
                return tally.note(id: parsedID, failed: false)
            case .failure(let error):
                try report(error)
                return tally.note(id: parsedID, failed: true)
            }
        }
        try tally.finish()
    }

    /// A read record with the checks every verb applies: a document that is empty or only
    /// white space is a failure.
    static func checked(_ result: Result<InputRecord, InputRecordError>) -> Result<InputRecord, InputRecordError> {
        guard case .success(let record) = result,
              record.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return result }
        return .failure(InputRecordError(id: record.id, reason: "empty document"))
    }
}

/// What a verb reports about its input once it is done: unreadable records, repeated ids,
/// and a stop at the first bad record under `--strict`. Records are noted in input order.
struct RecordTally {
    let verb: String
    let strict: Bool
    private var failures = 0
    private var stoppedEarly = false
    private var ids = DuplicateIDCounter()

    init(verb: String, strict: Bool) {
        self.verb = verb
        self.strict = strict
    }

    /// Notes one record (`id`: its id when it could be parsed); returns whether reading
    /// should go on.
    mutating func note(id: String?, failed: Bool) -> Bool {
        if let id { ids.note(id) }
        guard failed else { return true }
        failures += 1
        if strict { stoppedEarly = true }
        return !strict
    }

    /// Prints the diagnostics.
    /// - Throws: `ExitCode.failure` when `--strict` stopped reading.
    func finish() throws {
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
