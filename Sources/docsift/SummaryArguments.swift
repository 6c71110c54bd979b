import ArgumentParser
import DocSift
import Foundation

/// Summary options shared by `summarize` and `label --summary`.
struct SummaryArguments: ParsableArguments {
    @Option(help: "Summary budget in characters (a record's own max_chars wins).")
    var maxChars: Int?

    @Option(help: "Summary budget in whole sentences instead of characters.")
    var sentences: Int?

    @Option(help: "Keywords per document.")
    var keywords: Int = 5

    @Option(help: "Background IDF statistics (default: the shipped Models/news-idf.bin).")
    var idf: String?

    @Flag(help: "Fill a character budget with the leading clauses of a sentence that does not fit whole (the summary may then end mid-sentence; by default it is whole sentences when one fits).")
    var fillWithClauses = false

    func validate() throws {
        if maxChars != nil && sentences != nil { throw ValidationError("give --max-chars or --sentences, not both") }
        if let maxChars, maxChars < 1 { throw ValidationError("--max-chars must be at least 1") }
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
    /// - Throws: `ValidationError` naming the problem (missing or corrupt file).
    static func loadBackground(_ path: String?) throws -> BackgroundIDF {
        do {
            return try path.map { try BackgroundIDF(contentsOf: URL(fileURLWithPath: $0)) } ?? BackgroundIDF.loadDefault()
        } catch {
            throw ValidationError("background IDF \(path ?? "(default)"): \(error)")
        }
    }

    /// The budget for one record: its own `max_chars`, else the options' budget.
    static func budget(for record: InputRecord) -> SummaryBudget? {
        record.maxCharacters.map { .characters(max(1, $0)) }
    }
}

extension Summary {
    /// The summary fields of an output record.
    var jsonMembers: [(String, JSONValue)] {
        [("summary", .string(text)),
         ("sentences", .array(sentenceIndices.map { .integer($0) })),
         ("keywords", .array(keywords.map { .string($0.text) }))]
    }
}
