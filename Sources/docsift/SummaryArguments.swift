import ArgumentParser
import DocSift
import Foundation

/// Summary options shared by `summarize` and `label --summary`.
struct SummaryArguments: ParsableArguments {
    @Option(parsing: .unconditional, help: "Summary budget in characters (a record's own max_chars wins).")
    var maxChars: Int?

    @Option(parsing: .unconditional, help: "Summary budget in whole sentences instead of characters.")
    var sentences: Int?

    @Option(parsing: .unconditional, help: "Keywords per document.")
    var keywords: Int = 5

    @Option(help: "Background IDF statistics (default: the shipped Models/news-idf.bin).")
    var idf: String?

    @Flag(help: "Fill a character budget with the leading clauses of a sentence that does not fit whole (the summary may then end mid-sentence; by default it is whole sentences when one fits).")
    var fillWithClauses = false

    /// Checks a `--max-chars` value against the budgets a record may ask for
    /// (``InputRecord/maxCharactersRange``); `summarize`, `label --summary` and `eval-summary` share it.
    static func validate(maxChars: Int?) throws {
        guard let maxChars else { return }
        let budgets = InputRecord.maxCharactersRange
        if maxChars < budgets.lowerBound { throw ValidationError("--max-chars must be at least \(budgets.lowerBound)") }
        if maxChars > budgets.upperBound { throw ValidationError("--max-chars must be at most \(budgets.upperBound)") }
    }

    func validate() throws {
        if maxChars != nil && sentences != nil { throw ValidationError("give --max-chars or --sentences, not both") }
        try Self.validate(maxChars: maxChars)
        if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if keywords < 0 { throw ValidationError("--keywords cannot be negative") }
    }

    /// The summarizer these options describe, with its background IDF loaded.
    func makeSummarizer(converting: Bool = true) throws -> Summarizer {
        var options = SummaryOptions()
        options.convertsTraditional = converting
        if let maxChars { options.budget = .characters(maxChars) }
        if let sentences { options.budget = .sentences(sentences) }
        options.keywordCount = keywords
        options.cutsSentenceAtClause = fillWithClauses
        return Summarizer(options: options, background: try SummaryArguments.loadBackground(idf))
    }

    /// The background IDF at `path`, or the shipped one when `path` is `nil`.
    /// - Throws: ``SummarizerDataError`` naming the file (missing or corrupt): a runtime failure.
    static func loadBackground(_ path: String?) throws -> BackgroundIDF {
        try path.map { try BackgroundIDF(contentsOf: URL(fileURLWithPath: $0)) } ?? BackgroundIDF.loadDefault()
    }

    /// The summary of one record with its own budget. Leading blank lines are skipped
    /// first: the summarizer prepares a bounded prefix, which a flood of blank lines would
    /// otherwise fill (sentence numbers are unchanged: blank lines hold no sentence).
    static func summarize(_ record: InputRecord, with summarizer: Summarizer) -> Summary {
        let scalars = record.text.unicodeScalars
        let firstVisible = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        var start = scalars.startIndex
        if firstVisible != scalars.startIndex, let lineStart = scalars[..<firstVisible].lastIndex(of: "\n") {
            start = scalars.index(after: lineStart)
        }
        let text = start == scalars.startIndex ? record.text : String(scalars[start...])
        return summarizer.summarize(text, title: record.title, budget: budget(for: record))
    }

    /// The budget for one record: its own `max_chars` (checked when the record was read:
    /// ``InputRecord/maxCharactersRange``), else the options' budget.
    static func budget(for record: InputRecord) -> SummaryBudget? {
        record.maxCharacters.map { .characters($0) }
    }
}
