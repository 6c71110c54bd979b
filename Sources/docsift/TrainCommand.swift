import ArgumentParser
import DocSift
import Foundation

/// `docsift train`: learn a topic model.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a topic model from labeled articles, topic profiles and background news.",
        discussion: """
            DATA: a seed manifest (seeds/articles.json) or JSONL with text and label fields. \
            The same data and options always give the same model bytes. The shipped default \
            model is rebuilt with:
              docsift train seeds/articles.json --background ../shared/data/cnews_fulltext/cnews_subset.jsonl \\
                --out Models/default-topics.dsmodel
            """)

    @Argument(help: "Labeled data: seed manifests or JSONL files.")
    var data: [String]

    @Option(help: "Where to write the model (written atomically).")
    var out: String

    @OptionGroup var training: TrainingDataOptions

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one DATA file") }
    }

    func run() throws {
        // Model bytes must not depend on how a multithreaded BLAS splits its sums.
        BLASProvider.setThreadCount(1)
        let started = Date()
        let progress = ProgressLine(verb: "train", totalBytes: nil, unit: "steps")
        progress.set(done: 0, note: "reading data")
        let examples = try training.examples(from: data, groupField: nil)
        let profiles = try training.loadProfiles(for: data)
        let background = try training.backgroundTexts()
        progress.set(done: 1, note: "fitting \(examples.count) examples")
        let fitStarted = Date()
        let model = try training.trainer(usingProfiles: profiles != nil, examples: examples)
            .train(examples: examples, profiles: profiles, background: background)
        let fitSeconds = Date().timeIntervalSince(fitStarted)
        progress.set(done: 2, note: "writing the model")
        // The model is written to a temporary file beside `out`; a signal must not leave it.
        let outURL = URL(fileURLWithPath: out)
        TerminationSignals.removeOnTermination(outURL.deletingLastPathComponent()
            .appendingPathComponent(".\(outURL.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path)
        defer { TerminationSignals.keep() }
        try model.save(to: outURL)
        progress.finish()
        OutputWriter.diagnostic(String(format: "train: %d examples, %d labels, %d features%@%@ → %@ (%.2f s; fit %.2f s)",
            examples.count, model.labels.count, model.vectorizer.vocabulary.count,
            profiles == nil ? "" : ", with profiles", background.isEmpty ? "" : ", \(background.count) background texts",
            out, Date().timeIntervalSince(started), fitSeconds))
    }
}
