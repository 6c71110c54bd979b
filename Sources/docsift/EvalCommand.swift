import ArgumentParser
import DocSift
import Foundation

/// `docsift eval`: held-out evaluation or grouped cross-validation.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a topic model: on held-out data, or by grouped cross-validation.",
        discussion: """
            With --model, labels DATA with that model. With --cv-field, trains one model per \
            distinct value of the field from the other groups (plus profiles and background) and \
            labels the held-out group; on a seed manifest the field is the page \
            (leave-one-page-out). Prints accuracy, macro-F1, per-class precision/recall/F1 and \
            the confusion matrix; --json prints the library's EvaluationReport: \
            {"accuracy","confusion_matrix","count","folds","labels","macro_f1","macro_labels","per_class","seconds"}.
            """)

    @Argument(help: "Labeled data: a seed manifest or JSONL with text and label fields.")
    var data: [String]

    @Option(help: "A trained model to evaluate on DATA.")
    var model: String?

    @Option(help: "Cross-validate over the groups of this field (page for a seed manifest).")
    var cvField: String?

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    @Flag(help: "List every misclassified document (cross-validation).")
    var mistakes = false

    @OptionGroup var training: TrainingDataOptions

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one DATA file") }
        if (model == nil) == (cvField == nil) { throw ValidationError("give exactly one of --model or --cv-field") }
    }

    func run() throws {
        // Model bytes must not depend on how a multithreaded BLAS splits its sums.
        BLASProvider.setThreadCount(1)
        let started = Date()
        let examples = try training.examples(from: data, groupField: cvField)
        let output = OutputWriter()
        var diagnostics: [String] = []
        var folds: [CrossValidationReport.Fold]?
        let metrics: ClassificationMetrics
        if let model {
            let topicModel = try TopicModel.load(from: URL(fileURLWithPath: model))
            metrics = topicModel.evaluate(examples)
        } else {
            let profiles = try training.loadProfiles(for: data)
            let validation = GroupedCrossValidation(
                trainer: training.trainer(usingProfiles: profiles != nil, examples: examples), profiles: profiles,
                background: try training.backgroundTexts())
            let progress = ProgressLine(verb: "eval", totalBytes: nil, unit: "folds")
            let report = try validation.run(examples) { folds, _ in progress.set(done: folds) }
            progress.finish()
            metrics = report.metrics
            folds = report.folds
            if mistakes {
                for prediction in report.predictions where prediction.truth != prediction.prediction.label {
                    diagnostics.append("eval: \(prediction.group) #\(prediction.index): \(prediction.truth) → \(prediction.prediction.label)")
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try output.line(utf8: Array(encoder.encode(EvaluationReport(metrics: metrics, folds: folds, seconds: seconds))))
        } else {
            try EvalCommand.printReport(metrics, to: output)
        }
        try output.flush()
        diagnostics.forEach(OutputWriter.diagnostic)
    }

    static func printReport(_ m: ClassificationMetrics, to output: OutputWriter) throws {
        try output.line(String(format: "documents: %d   accuracy: %.4f   macro-F1: %.4f", m.count, m.accuracy, m.macroF1))
        try output.line("")
        let width = max(10, (m.labels.map(\.count).max() ?? 0) + 2)
        try output.line("label".padding(toLength: width, withPad: " ", startingAt: 0) + "precision  recall     F1      support")
        for label in m.labels {
            let c = m.perClass[label]
            try output.line(label.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: "%-10.4f %-10.4f %-7.4f %d", c?.precision ?? 0, c?.recall ?? 0, c?.f1 ?? 0, c?.support ?? 0))
        }
        try output.line("")
        try output.line("confusion (rows: truth, columns: predicted, in the label order above)")
        for (label, row) in zip(m.labels, m.confusion) {
            try output.line(label.padding(toLength: width, withPad: " ", startingAt: 0) + row.map { String(format: "%5d", $0) }.joined())
        }
    }
}
