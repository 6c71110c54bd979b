import ArgumentParser
import DocSift
import Foundation

/// `docsift label`: topic labels (and optionally summaries) for many documents.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Label documents by topic with the default model or a trained one.",
        discussion: """
            Output per document: {"id","label","scores":{topic:probability},"secondary":[...]}; \
            with --summary also "summary","sentences","keywords"; with --explain an \
            "explanation" of the n-grams that pushed each reported topic, with weights. \
            The label is "other" when no topic is confident.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "A trained model (default: the shipped Models/default-topics.dsmodel; DOCSIFT_MODEL overrides).")
    var model: String?

    @Option(help: "Output format: jsonl, csv or table.")
    var format: RecordFormat = .jsonl

    @Flag(help: "Explain each decision: the n-grams that pushed the label and secondary topics, with weights.")
    var explain = false

    @Option(parsing: .unconditional, help: "n-grams listed per topic with --explain.")
    var explainTop: Int = 8

    func validate() throws {
        if explainTop < 1 { throw ValidationError("--explain-top must be at least 1") }
    }

    @Flag(help: "Add an extractive summary and keywords to each record.")
    var summary = false

    @OptionGroup var summaryArguments: SummaryArguments
    @OptionGroup var bulk: BulkOptions

    func run() throws {
        let loaded = try model.map { try TopicModel.load(from: URL(fileURLWithPath: $0)) } ?? TopicModel.loadDefault()
        let topicModel = input.noConvert ? loaded.converting(false) : loaded
        let summarizer = summary ? try summaryArguments.makeSummarizer(converting: !input.noConvert) : nil
        let explain = self.explain, explainTop = self.explainTop
        let output = OutputWriter()
        let header = LabeledDocument.flatHeader(labels: topicModel.labels, summary: summary, explanation: explain)
        let rows = RowWriter(format: format, output: output, header: header)
        let format = self.format
        // The model compiled for bulk scoring, and n-gram scratch space per worker thread.
        let scorer = TopicScorer(topicModel)
        let scratch = ResourcePool<NGramCounts>(make: { NGramCounts() })
        try BulkRun.run(verb: "label", input: input, bulk: bulk, transform: { record -> LabeledOutput in
            let prediction = scratch.withResource { scorer.classify(record.text, title: record.title, using: $0) }
            var document = LabeledDocument(id: record.id, prediction: prediction)
            if let summarizer { document.summary = SummaryArguments.summarize(record, with: summarizer) }
            if explain {
                document.explanation = topicModel.topicsToExplain(prediction).map { topic in
                    LabeledDocument.ExplainedTopic(topic: topic, ngrams: topicModel.explain(
                        record.text, title: record.title, label: topic, top: explainTop).map {
                            LabeledDocument.ExplainedNGram(ngram: $0.ngram, weight: $0.contribution)
                        })
                }
            }
            // JSON is rendered here, on the worker thread; flat formats collect rows on the writer.
            return format == .jsonl ? LabeledOutput.json(document.jsonUTF8) : .row(OutputRow(cells: document.flatCells))
        }, write: { result in
            switch result {
            case .success(.json(let line)): try output.line(utf8: line)
            case .success(.row(let row)): try rows.write(row)
            case .failure(let error):
                let failed = LabeledDocument(id: error.id, error: error.reason)
                if format == .jsonl { try output.line(utf8: failed.jsonUTF8) } else { try rows.write(OutputRow(cells: failed.flatCells)) }
            }
        }, flush: {
            // A table is aligned over all rows, so it is written at the end.
            if format != .table { try output.flush() }
        })
        try rows.finish()
        try output.flush()
    }
}

/// One labeled document as the writer receives it.
enum LabeledOutput: Sendable {
    /// A rendered JSON line (UTF-8).
    case json([UInt8])
    /// A CSV or table row.
    case row(OutputRow)
}
