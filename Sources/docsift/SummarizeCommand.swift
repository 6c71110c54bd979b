import ArgumentParser
import DocSift

/// `docsift summarize`: extractive summaries and keywords.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Write an extractive summary and keywords for each document.",
        discussion: """
            Output per document: {"id","summary","sentences","keywords"}, where sentences are the \
            indices of the chosen body sentences (see docsift prep), in document order.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var summary: SummaryArguments
    @OptionGroup var bulk: BulkOptions

    func run() throws {
        let summarizer = try summary.makeSummarizer(converting: !input.noConvert)
        let output = OutputWriter()
        defer { output.flush() }
        try BulkRun.run(verb: "summarize", input: input, bulk: bulk, transform: { record in
            let result = summarizer.summarize(record.text, title: record.title, budget: SummaryArguments.budget(for: record))
            return JSONValue.object([("id", .string(record.id))] + result.jsonMembers).utf8
        }, write: { result in
            switch result {
            case .success(let line): output.line(utf8: line)
            case .failure(let error): output.record(.object([("id", .string(error.id)), ("error", .string(error.reason))]))
            }
        })
    }
}
