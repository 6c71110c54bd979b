import ArgumentParser
import DocSift

/// The input arguments every document-reading verb shares.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Files (.txt = one document, .jsonl = one {\"id\",\"text\"[,\"title\"]} per line), directories (read recursively), pipes such as /dev/stdin or <(…) (JSONL), or - for JSONL on standard input (the default).",
        valueName: "input"))
    var inputs: [String] = []

    @Flag(help: "Stop at the first record that cannot be read instead of reporting it and going on.")
    var strict = false

    @Option(help: ArgumentHelp(
        "The largest record read: one JSONL line or one text file, in bytes (suffix K, M or G allowed). A larger one gives an error record and reading goes on after it.",
        valueName: "bytes"))
    var maxRecordBytes: ByteCount = ByteCount(InputLimits.defaultMaximumRecordBytes)

    @OptionGroup var fields: RecordFieldOptions

    /// The JSONL fields named by the options.
    var fieldNames: RecordFieldNames { fields.names }

    @Flag(help: "Keep traditional characters as they are (by default they are converted to simplified for labels, keywords and summary analysis; summaries keep the original characters).")
    var noConvert = false

    /// The shared input layer over the given paths.
    var source: InputSource {
        InputSource(paths: inputs, maximumRecordBytes: maxRecordBytes.value,
                    standardInputIsClosed: StandardStreams.inputWasClosed, fields: fieldNames)
    }
}

/// A size in bytes given as `N`, `NK`, `NM` or `NG` (powers of 1024).
struct ByteCount: ExpressibleByArgument {
    let value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        let multipliers: [Character: Int] = ["K": 1 << 10, "k": 1 << 10, "M": 1 << 20, "m": 1 << 20, "G": 1 << 30, "g": 1 << 30]
        var digits = Substring(argument)
        var multiplier = 1
        if let last = digits.last, let factor = multipliers[last] {
            multiplier = factor
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number >= 1, number <= Int.max / multiplier else { return nil }
        value = number * multiplier
    }

    var defaultValueDescription: String { "\(value >> 20)M" }
}

extension InputOptions {
    /// Reads every input record in order, calling `process` for readable records and
    /// `report` for unreadable ones, so that each input record yields one output.
    /// - Returns: the tally, whose ``RecordTally/finish()`` the caller runs once its results
    ///   are flushed.
    /// - Throws: ``CorpusError`` when standard input is unusable; `process`/`report` errors.
    func forEachRecord(
        verb: String, _ process: (InputRecord) throws -> Void, report: (InputRecordError) throws -> Void
    ) throws -> RecordTally {
        var tally = RecordTally(verb: verb, strict: strict)
        try source.forEachRecord { result in
            let parsedID = try? result.get().id
            switch BlankDocumentRule.checked(result) {
            case .success(let record):
                try process(record)
                return tally.note(id: parsedID, failure: nil)
            case .failure(let error):
                try report(error)
                return tally.note(id: parsedID, failure: error)
            }
        }
        return tally
    }
}

/// What a verb reports about its input once it is done: unreadable records, inputs that
/// could not be read at all, repeated ids, and a stop at the first bad record under
/// `--strict`. Records are noted in input order; the report comes after the results.
struct RecordTally {
    let verb: String
    let strict: Bool
    private var failures = 0
    private var unreadableInputs: [String] = []
    private var stoppedEarly = false
    private var ids = DuplicateIDCounter()

    init(verb: String, strict: Bool) {
        self.verb = verb
        self.strict = strict
    }

    /// Notes one record (`id`: its id when it could be parsed; `failure` when it could not
    /// be used); returns whether reading should go on.
    mutating func note(id: String?, failure: InputRecordError?) -> Bool {
        if let id { ids.note(id) }
        guard let failure else { return true }
        failures += 1
        if failure.isWholeInput { unreadableInputs.append("\(failure.id): \(failure.reason)") }
        if strict { stoppedEarly = true }
        return !strict
    }

    /// Prints the diagnostics (best effort).
    /// - Throws: `ExitCode.failure` when `--strict` stopped reading or an input path could not be read.
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
        if !unreadableInputs.isEmpty {
            for input in unreadableInputs.prefix(20) { OutputWriter.diagnostic("\(verb): cannot read \(input)") }
            OutputWriter.diagnostic("\(verb): \(unreadableInputs.count) input path(s) could not be read; the others were")
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
