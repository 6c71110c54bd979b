import ArgumentParser
import DocSift
import Foundation

/// `docsift label`: topic labels (and optionally summaries) for many documents.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Label documents by topic with the default model or a trained one.",
        discussion: """
            Output per document: {"id","label","confidence","scores":{topic:probability},"secondary":[...]}; \
            with --summary also "summary","sentences","keywords"; with --explain an \
            "explanation" of the n-grams that pushed each reported topic, with weights. \
            \n\nA score is the probability that the document is about that topic, calibrated \
            for each topic on its own on held-out training predictions: of documents given 0.7 \
            for a topic, about 7 in 10 are about it. The scores of a document need not sum to 1. \
            The label is the label with the highest raw score; when it is a topic whose \
            probability is under its threshold (tuned when the model was trained; --threshold TOPIC=P overrides) the \
            label is "other". A topic is secondary when its own probability reaches its \
            secondary threshold (tuned so that about 4 in 5 listed secondary topics are right; \
            --secondary-min P sets one for all topics). "confidence" is the probability that \
            the label is right (the document's primary label), calibrated on held-out \
            decisions when the model was trained: of documents labeled with confidence 0.9, \
            about 9 in 10 are labeled right. It is not the label's score, which counts a \
            document that is also about the topic as right. \
            \n\n--uncertain N writes only N documents to label next, the most useful first. Of \
            the 4N whose decision is least certain (closest to going another way: the gap \
            between the two most probable labels, or the top topic's distance from its \
            threshold), it picks N that together carry the most character bigrams the model \
            has never seen, each bigram weighted by log(how many input documents hold it) \
            squared, so that the batch is not many copies of one confusion and favours new \
            text that recurs. Memory stays bounded by N (plus 8 MB of bigram counters), \
            however long the input. Picking in rounds pays a little more: to label 1,000, \
            pick 200, label them, retrain, and pick again from the same input with --exclude \
            naming what is already labeled (the training file or the earlier rounds' picks), \
            which is then never picked again.
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

    @Flag(help: "Add an extractive summary and keywords to each record.")
    var summary = false

    @Option(help: "Write only N documents to label next: uncertain ones that teach the model the most new text.")
    var uncertain: Int?

    @Option(help: ArgumentHelp(
        "With --uncertain: never pick a document whose id is in this file (JSONL or text files, read as input is; e.g. the picks of earlier rounds). Repeatable.",
        valueName: "file"))
    var exclude: [String] = []

    @OptionGroup var thresholdOptions: ThresholdOptions
    @OptionGroup var summaryArguments: SummaryArguments
    @OptionGroup var bulk: BulkOptions

    func validate() throws {
        if explainTop < 1 { throw ValidationError("--explain-top must be at least 1") }
        if let uncertain, uncertain < 1 { throw ValidationError("--uncertain must be at least 1") }
        if !exclude.isEmpty && uncertain == nil { throw ValidationError("--exclude only applies to --uncertain N: give both") }
        if exclude.contains("-") { throw ValidationError("--exclude needs a file; standard input is the documents to pick from") }
    }

    func run() throws {
        let loaded = try thresholdOptions.apply(
            to: model.map { try TopicModel.load(from: URL(fileURLWithPath: $0)) } ?? TopicModel.loadDefault())
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
        let uncertain = self.uncertain
        let excluded = try LabelingBatch.ids(in: exclude, input: input)
        var batch = LabelingBatch(capacity: uncertain ?? 0)
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
            var labeled = LabeledOutput(
                rendered: format == .jsonl ? .json(document.jsonUTF8) : .row(OutputRow(cells: document.flatCells)),
                margin: prediction.margin)
            if uncertain != nil {
                let bigrams = LabelingBatch.bigrams(of: topicModel.featureText(record.text, title: record.title), model: topicModel)
                labeled.bigrams = bigrams.all
                labeled.unseenBigrams = bigrams.unseen
                labeled.isExcluded = excluded.contains(record.id)
            }
            return labeled
        }, write: { result in
            if uncertain != nil {
                if case .success(let labeled) = result {
                    batch.offer(labeled, bigrams: labeled.bigrams, unseen: labeled.unseenBigrams)
                }
                return
            }
            switch result {
            case .success(let labeled): try labeled.write(output: output, rows: rows)
            case .failure(let error):
                let failed = LabeledDocument(id: error.id, error: error.reason)
                if format == .jsonl { try output.line(utf8: failed.jsonUTF8) } else { try rows.write(OutputRow(cells: failed.flatCells)) }
            }
        }, flush: {
            // A table is aligned over all rows, so it is written at the end.
            if format != .table { try output.flush() }
        })
        for labeled in batch.picked { try labeled.write(output: output, rows: rows) }
        try rows.finish()
        try output.flush()
    }
}

/// One labeled document as the writer receives it: rendered, with its decision's margin.
struct LabeledOutput: Sendable {
    /// The rendered record.
    enum Rendered: Sendable {
        /// A JSON line (UTF-8).
        case json([UInt8])
        /// A CSV or table row.
        case row(OutputRow)
    }

    /// The record.
    var rendered: Rendered
    /// ``TopicPrediction/margin`` of its decision.
    var margin: Float
    /// Named by `--exclude`: counted in the input's bigram frequencies, never picked.
    var isExcluded = false
    /// With `--uncertain`: its distinct character bigrams.
    var bigrams: [UInt64] = []
    /// With `--uncertain`: those of its bigrams that the model's vocabulary lacks.
    var unseenBigrams: [UInt64] = []

    /// Writes the record.
    func write(output: OutputWriter, rows: RowWriter) throws {
        switch rendered {
        case .json(let line): try output.line(utf8: line)
        case .row(let row): try rows.write(row)
        }
    }
}
