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
            (leave-one-page-out). Prints accuracy, macro-F1, per-class precision/recall/F1, the \
            confusion matrix, the abstain rate, the calibration of the label's confidence (the \
            probability that the answered label is right; expected calibration error over 10 \
            equal-width bins, with the reliability table: per bin, how often a label answered \
            with that confidence was right) and, when the gold records carry secondary topics (seed manifests), \
            secondary-topic precision (a listed topic is right when the article is about it) \
            and recall. --json prints the library's EvaluationReport: \
            {"abstain_rate","accuracy","calibration":{"bins","ece"},"confusion_matrix","count","folds",\
            "labels","macro_f1","macro_labels","per_class","seconds","secondary"}.
            """)

    @Argument(help: "Labeled data: a seed manifest or JSONL with text and label fields.")
    var data: [String]

    @Option(help: "A trained model to evaluate on DATA.")
    var model: String?

    @Option(help: "Cross-validate over the groups of this field (page for a seed manifest).")
    var cvField: String?

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    @Flag(help: "List every misclassified document on standard error.")
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
        var report: EvaluationReport
        var predictions: [TopicPrediction]
        if let model {
            let topicModel = try TopicModel.load(from: URL(fileURLWithPath: model))
            (report, predictions) = topicModel.evaluationReport(examples)
        } else {
            let profiles = try training.loadProfiles(for: data)
            let validation = GroupedCrossValidation(
                trainer: training.trainer(usingProfiles: profiles != nil, examples: examples), profiles: profiles,
                background: try training.backgroundTexts())
            let progress = ProgressLine(verb: "eval", totalBytes: nil, unit: "folds")
            let result = try validation.run(examples) { folds, _ in progress.set(done: folds) }
            progress.finish()
            report = result.evaluation
            predictions = result.predictions.map(\.prediction)
        }
        report.seconds = Date().timeIntervalSince(started)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try output.line(utf8: Array(encoder.encode(report)))
        } else {
            try EvalCommand.printReport(report, to: output)
        }
        try output.flush()
        if mistakes {
            for (index, (example, prediction)) in zip(examples, predictions).enumerated() where example.label != prediction.label {
                let group = example.group.map { "\($0) " } ?? ""
                OutputWriter.diagnostic(String(format: "eval: %@#%d: %@ → %@ (p = %.3f)", group, index, example.label,
                                               prediction.label, Double(prediction.confidence)))
            }
        }
    }

    /// The text report: summary line, per-class table, confusion matrix with column
    /// headers, calibration and secondary topics. Columns are aligned by display width
    /// (a Chinese character takes two columns).
    static func printReport(_ report: EvaluationReport, to output: OutputWriter) throws {
        let m = report.metrics
        try output.line(String(format: "documents: %d   accuracy: %.4f   macro-F1: %.4f", m.count, m.accuracy, m.macroF1)
            + (report.abstainRate.map { String(format: "   abstain rate: %.4f", $0) } ?? ""))
        try output.line("")
        let width = max(10, (m.labels.map(displayWidth).max() ?? 0) + 2)
        try output.line(pad("label", width) + "precision  recall     F1      support")
        for label in m.labels {
            let c = m.perClass[label]
            try output.line(pad(label, width)
                + String(format: "%-10.4f %-10.4f %-7.4f %d", c?.precision ?? 0, c?.recall ?? 0, c?.f1 ?? 0, c?.support ?? 0))
        }
        try output.line("")
        try output.line("confusion (rows: truth, columns: predicted)")
        let columnWidths = m.labels.map { max(displayWidth($0), 5) + 2 }
        try output.line(pad("", width) + zip(m.labels, columnWidths).map { padLeft($0, $1) }.joined())
        for (label, row) in zip(m.labels, m.confusion) {
            try output.line(pad(label, width) + zip(row, columnWidths).map { padLeft(String($0), $1) }.joined())
        }
        if let calibration = report.calibration {
            try output.line("")
            try output.line(String(format: "calibration of the label's confidence: ECE %.4f (10 equal-width bins)", calibration.ece))
            try output.line("confidence    documents    mean confidence   right")
            for bin in calibration.bins where bin.count > 0 {
                try output.line(pad(String(format: "%.1f–%.1f", bin.lower, bin.upper), 14) + padLeft(String(bin.count), 9)
                    + String(format: "   %16.4f   %.4f", bin.confidence, bin.accuracy))
            }
        }
        if let secondary = report.secondary {
            try output.line("")
            try output.line(String(format: "secondary topics: precision %.4f (%d of %d listed)   recall %.4f (%d of %d gold)",
                                   secondary.precision, secondary.right, secondary.listed,
                                   secondary.recall, secondary.found, secondary.gold))
        }
    }

    /// Terminal columns `text` takes: 2 for East Asian wide and full-width characters, else 1.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    /// `text` followed by spaces up to `width` display columns (at least one space).
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - displayWidth(text)))
    }

    /// Spaces then `text`, `width` display columns in all (at least one space).
    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - displayWidth(text))) + text
    }
}
