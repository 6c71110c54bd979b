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

    @Option(help: "n-grams listed per topic with --explain.")
    var explainTop: Int = 8

    @Flag(help: "Add an extractive summary and keywords to each record.")
    var summary = false

    @OptionGroup var summaryArguments: SummaryArguments
    @OptionGroup var bulk: BulkOptions

    func run() throws {
        let topicModel: TopicModel
        do {
            let loaded = try model.map { try TopicModel.load(from: URL(fileURLWithPath: $0)) } ?? TopicModel.loadDefault()
            topicModel = input.noConvert ? loaded.converting(false) : loaded
        } catch {
            throw ValidationError("model: \(error)")
        }
        let summarizer = summary ? try summaryArguments.makeSummarizer(converting: !input.noConvert) : nil
        let explain = self.explain, explainTop = self.explainTop
        let output = OutputWriter()
        var header = ["id", "label", "secondary"] + topicModel.labels
        if summary { header += ["summary", "keywords"] }
        if explain { header.append("explanation") }
        let rows = RowWriter(format: format, output: output, header: header + ["error"])
        defer {
            rows.finish()
            output.flush()
        }
        let format = self.format
        // The model compiled for bulk scoring, and n-gram scratch space per worker thread.
        let scorer = TopicScorer(topicModel)
        let scratch = ResourcePool<NGramCounts>(make: { NGramCounts() })
        try BulkRun.run(verb: "label", input: input, bulk: bulk, transform: { record -> LabeledOutput in
            let prediction = scratch.withResource { scorer.classify(record.text, title: record.title, using: $0) }
            var members: [(String, JSONValue)] = [
                ("id", .string(record.id)),
                ("label", .string(prediction.label)),
                ("scores", .object(prediction.scores.map { ($0.label, .number(Double($0.probability))) })),
                ("secondary", .array(prediction.secondary.map { .string($0) })),
            ]
            if let summarizer {
                members += summarizer.summarize(record.text, title: record.title,
                                                budget: SummaryArguments.budget(for: record)).jsonMembers
            }
            if explain {
                let topics = ([prediction.label] + prediction.secondary).filter { $0 != topicModel.abstainLabel || prediction.abstained == false }
                members.append(("explanation", .object(topics.map { topic in
                    (topic, .array(topicModel.explain(record.text, title: record.title, label: topic, top: explainTop).map {
                        .object([("ngram", .string($0.ngram)), ("weight", .number(Double($0.contribution)))])
                    }))
                })))
            }
            // JSON is rendered here, on the worker thread; flat formats collect rows on the writer.
            return format == .jsonl ? LabeledOutput.json(JSONValue.object(members).utf8)
                : .row(LabeledRecord(members: members, prediction: prediction).row)
        }, write: { result in
            switch result {
            case .success(.json(let line)): output.line(utf8: line)
            case .success(.row(let row)): rows.write(row)
            case .failure(let error):
                let members: [(String, JSONValue)] = [("id", .string(error.id)), ("error", .string(error.reason))]
                if format == .jsonl { output.record(.object(members)) } else {
                    rows.write(OutputRow(cells: [("id", error.id), ("error", error.reason)]))
                }
            }
        })
    }
}

/// One labeled document as the writer receives it.
enum LabeledOutput: Sendable {
    /// A rendered JSON line (UTF-8).
    case json([UInt8])
    /// A CSV or table row.
    case row(OutputRow)
}

/// One labeled document: its JSON members and the prediction for flat formats.
struct LabeledRecord: Sendable {
    var members: [(String, JSONValue)]
    var prediction: TopicPrediction

    /// The flat row of CSV and table output: id, label, secondary, one score column per
    /// topic, then summary and explanation when present.
    var row: OutputRow {
        var cells: [(String, String)] = [("id", ""), ("label", prediction.label),
                                         ("secondary", prediction.secondary.joined(separator: ";"))]
        for score in prediction.scores { cells.append((score.label, String(format: "%.3f", score.probability))) }
        for (key, value) in members {
            switch (key, value) {
            case ("id", .string(let id)): cells[0].1 = id
            case ("summary", .string(let text)): cells.append(("summary", text))
            case ("keywords", .array(let words)):
                cells.append(("keywords", words.compactMap { if case .string(let w) = $0 { return w } else { return nil } }.joined(separator: ";")))
            case ("explanation", .object(let topics)):
                let text = topics.map { topic, grams -> String in
                    guard case .array(let items) = grams else { return topic }
                    let listed = items.compactMap { item -> String? in
                        guard case .object(let fields) = item, case .string(let gram)? = fields.first?.1,
                              case .number(let weight)? = fields.last?.1 else { return nil }
                        return "\(gram) \(String(format: "%.3f", weight))"
                    }
                    return "\(topic): " + listed.joined(separator: ", ")
                }.joined(separator: " | ")
                cells.append(("explanation", text))
            default: break
            }
        }
        return OutputRow(cells: cells)
    }
}
