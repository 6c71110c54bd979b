import ArgumentParser
import DocSift
import Foundation

/// `docsift eval-summary`: ROUGE against reference summaries.
struct EvalSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-summary",
        abstract: "Score summaries against references with character ROUGE-1/2/L F1.",
        discussion: """
            DATA holds {"id","text","summary"} records (summary may also be called reference). \
            Characters are lower-cased and whitespace and punctuation removed before scoring. \
            With --budget reference each summary gets as many characters as its reference.
            """)

    enum Budget: String, ExpressibleByArgument {
        case reference
    }

    @Argument(help: "JSONL records with reference summaries.")
    var data: String

    @OptionGroup var fields: RecordFieldOptions

    @Option(parsing: .unconditional, help: "Summary budget in characters for every record.")
    var maxChars: Int?

    @Option(help: "'reference': each summary as long as its reference (the LCSTS/CLTS protocol).")
    var budget: Budget?

    @Option(parsing: .unconditional, help: "Only records whose human_score is at least this (LCSTS: 3).")
    var minHumanScore: Int?

    @Flag(help: "Also score the LEAD baselines for comparison: LEAD (first sentences that fit) and LEAD-chars (first characters, cut mid-sentence).")
    var lead = false

    @Flag(help: "Print {\"documents\",\"rouge_1\",\"rouge_2\",\"rouge_l\",...} as JSON.")
    var json = false

    @Option(help: "Background IDF statistics (default: the shipped Models/news-idf.bin).")
    var idf: String?

    @Flag(help: "Summarize as `summarize --fill-with-clauses` does: a budget may end with a sentence's leading clauses.")
    var fillWithClauses = false

    @Flag(help: "Also time the summarizer alone, as the peer harness times its peers: text in, summary out (no keywords), per document, one thread (start-up, loading and I/O excluded; median of three passes after a warm-up pass).")
    var time = false

    func validate() throws {
        if (maxChars == nil) == (budget == nil) { throw ValidationError("give exactly one of --max-chars N or --budget reference") }
        try SummaryArguments.validate(maxChars: maxChars)
    }

    func run() throws {
        BLASProvider.setThreadCount(1)  // one document at a time: BLAS threads would only spin
        var options = SummaryOptions()
        options.cutsSentenceAtClause = fillWithClauses
        options.keywordCount = 0  // ROUGE scores the summary alone
        let summarizer = Summarizer(options: options, background: try SummaryArguments.loadBackground(idf))
        let loaded = try ReferenceSummaryReader.read(data, minimumHumanScore: minHumanScore,
                                                     fields: fields.names)
        let records = loaded.records.map(SummaryRecord.init)
        let evaluationBudget: EvaluationBudget = maxChars.map { .fixed($0) } ?? .referenceLength
        let ours = SummaryEvaluation.evaluate(summarizer, on: records, budget: evaluationBudget)
        let leadResult = lead ? SummaryEvaluation.evaluateLead(on: records, budget: evaluationBudget) : nil
        let leadCharacters = lead ? SummaryEvaluation.evaluateLeadCharacters(on: records, budget: evaluationBudget) : nil
        let milliseconds = time ? EvalSummaryCommand.millisecondsPerDocument(summarizer, records, evaluationBudget) : nil
        let output = OutputWriter()
        defer {
            if minHumanScore != nil {
                OutputWriter.diagnostic("eval-summary: --min-human-score dropped \(loaded.belowMinimum) record(s) scored lower and \(loaded.withoutScore) without a human_score")
            }
        }
        if json {
            var members = EvalSummaryCommand.members(ours)
            if let milliseconds { members.append(("ms_per_document", .number(milliseconds))) }
            if let leadResult { members.append(("lead", .object(EvalSummaryCommand.members(leadResult)))) }
            if let leadCharacters { members.append(("lead_chars", .object(EvalSummaryCommand.members(leadCharacters)))) }
            if minHumanScore != nil {
                members.append(("dropped_below_min_human_score", .integer(loaded.belowMinimum)))
                members.append(("dropped_without_human_score", .integer(loaded.withoutScore)))
            }
            try output.record(.object(members))
            try output.flush()
            return
        }
        try output.line("documents: \(ours.count), budget: \(maxChars.map { "\($0) characters" } ?? "reference length")")
        try output.line("system     ROUGE-1  ROUGE-2  ROUGE-L  avg chars")
        try output.line(EvalSummaryCommand.row("DocSift", ours))
        if let leadResult { try output.line(EvalSummaryCommand.row("LEAD", leadResult)) }
        if let leadCharacters { try output.line(EvalSummaryCommand.row("LEAD-chars", leadCharacters)) }
        if let milliseconds { try output.line(String(format: "summarize: %.4f ms per document (one thread)", milliseconds)) }
        try output.flush()
    }

    /// Mean time of one `summarize` call (text in, summary out) over `records`: the median of
    /// three timed passes after one untimed pass that warms caches and lazily built tables.
    static func millisecondsPerDocument(_ summarizer: Summarizer, _ records: [SummaryRecord],
                                        _ budget: EvaluationBudget) -> Double {
        let budgets = records.map { SummaryEvaluation.characters(for: $0, budget: budget) }
        var characters = 0
        func pass() -> Duration {
            let clock = ContinuousClock()
            let start = clock.now
            for (record, chars) in zip(records, budgets) {
                characters &+= summarizer.summarize(record.text, budget: .characters(chars)).text.utf8.count
            }
            return clock.now - start
        }
        _ = pass()
        let passes = (0..<3).map { _ in pass() }.sorted()
        let seconds = Double(passes[1].components.seconds) + Double(passes[1].components.attoseconds) * 1e-18
        return 1000 * seconds / Double(max(records.count, 1))
    }

    static func members(_ result: EvaluationResult) -> [(String, RecordJSON)] {
        [("documents", .integer(result.count)), ("rouge_1", .number(result.rouge1.f1)),
         ("rouge_2", .number(result.rouge2.f1)), ("rouge_l", .number(result.rougeL.f1)),
         ("average_summary_characters", .number(result.averageSummaryCharacters))]
    }

    static func row(_ name: String, _ r: EvaluationResult) -> String {
        name.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: " %.4f   %.4f   %.4f   %.1f", r.rouge1.f1, r.rouge2.f1, r.rougeL.f1, r.averageSummaryCharacters)
    }
}
