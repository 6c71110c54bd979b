import ArgumentParser
import DocSift
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `docsift train`: learn a topic model.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a topic model from labeled articles, topic profiles and background news.",
        discussion: """
            DATA: a seed manifest (seeds/articles.json) or JSONL with text and label fields. \
            The same data and options always give the same model bytes. The shipped default \
            model is rebuilt from the repository root, with a release build, by:

              OPENBLAS_CORETYPE=Prescott docsift train seeds/articles.json \\
                --background ../shared/data/cnews_fulltext/cnews_subset.jsonl \\
                --out Models/default-topics.dsmodel
            """)

    @Argument(help: "Labeled data: seed manifests or JSONL files.")
    var data: [String]

    @Option(help: "Where to write the model (written atomically).")
    var out: String

    @OptionGroup var training: TrainingDataOptions

    @Flag(help: "Print the time and peak memory of each training phase on standard error.")
    var verbose = false

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one DATA file") }
    }

    func run() throws {
        // Model bytes must not depend on how a multithreaded BLAS splits its sums.
        BLASProvider.setThreadCount(1)
        let started = Date()
        let log = PhaseLog(enabled: verbose)
        let progress = ProgressLine(verb: "train", totalBytes: nil)
        progress.set(note: "reading data")
        let examples = try training.examples(from: data, groupField: nil)
        let profiles = try training.loadProfiles(for: data)
        let background = try training.backgroundTexts()
        log.note("read \(examples.count) examples" + (background.isEmpty ? "" : ", \(background.count) background texts"))
        progress.set(note: "fitting \(examples.count) examples")
        let fitStarted = Date()
        var trainer = training.trainer(usingProfiles: profiles != nil, examples: examples)
        trainer.phaseObserver = { phase in
            // Epochs move the progress line; the phases also go to the --verbose log.
            if case .epoch = phase {} else { log.note(phase.summary) }
            progress.set(note: phase.summary)
        }
        let exampleCount = examples.count
        // Handed over: their texts are freed once prepared for features, not held through the fit.
        let model = try trainer.train(examples: consume examples, profiles: profiles, background: background)
        let fitSeconds = Date().timeIntervalSince(fitStarted)
        log.note("model ready")
        progress.set(note: "writing the model")
        // The model is written to a temporary file beside `out`; a signal must not leave it.
        let outURL = URL(fileURLWithPath: out)
        TerminationSignals.removeOnTermination(outURL.deletingLastPathComponent()
            .appendingPathComponent(".\(outURL.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path)
        defer { TerminationSignals.keep() }
        try model.save(to: outURL)
        log.note("wrote \(out)")
        progress.finish()
        OutputWriter.diagnostic(String(format: "train: %d examples, %d labels, %d features%@%@ → %@ (%.2f s; fit %.2f s)",
            exampleCount, model.labels.count, model.vectorizer.vocabulary.count,
            profiles == nil ? "" : ", with profiles", background.isEmpty ? "" : ", \(background.count) background texts",
            out, Date().timeIntervalSince(started), fitSeconds))
    }
}

/// `--verbose` lines: each phase with the seconds it took (wall and CPU) and the process's
/// peak resident memory so far (`getrusage`), on standard error.
final class PhaseLog: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var last = Date()
    private var lastCPU: Double = 0
    private let start = Date()

    init(enabled: Bool) { self.enabled = enabled }

    /// Prints `phase` with its time and the peak RSS.
    func note(_ phase: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        OutputWriter.diagnostic(String(format: "train: %@ (%.2f s, CPU %.2f s; at %.2f s; peak RSS %.0f MB)", phase,
                                       now.timeIntervalSince(last), cpu - lastCPU, now.timeIntervalSince(start),
                                       Double(usage.ru_maxrss) / 1024))
        last = now
        lastCPU = cpu
    }
}
