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
        try BulkRun.run(verb: "summarize", input: input, bulk: bulk, transform: { record in
            LabeledDocument(id: record.id, summary: SummaryArguments.summarize(record, with: summarizer)).jsonUTF8
        }, write: { result in
            switch result {
            case .success(let line): try output.line(utf8: line)
            case .failure(let error): try output.line(utf8: LabeledDocument(id: error.id, error: error.reason).jsonUTF8)
            }
        }, flush: output.flush)
    }
}
