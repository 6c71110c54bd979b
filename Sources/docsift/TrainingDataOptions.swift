import ArgumentParser
import DocSift
import Foundation

extension ClassifierLoss: ExpressibleByArgument {}
extension TrainingSolver: ExpressibleByArgument {}

/// What `train` and `eval --cv-field` learn from: labeled data, topic profiles, background.
struct TrainingDataOptions: ParsableArguments {
    enum Preset: String, ExpressibleByArgument, CaseIterable {
        /// Topic profiles as a prior, abstain to `other`, thresholds by nested CV.
        case topics
        /// A plain labeled corpus (cnews, THUCNews): no profiles, no abstaining.
        case corpus
        /// `topics` when profiles are used, else `corpus`.
        case auto

        /// The library's preset of the same name.
        var libraryPreset: TrainingPreset {
            switch self {
            case .topics: return .topics
            case .corpus: return .corpus
            case .auto: return .auto
            }
        }
    }

    @OptionGroup var fields: LabeledFieldOptions

    @Option(help: "Topic profiles (default for a seed manifest: the shipped Models/profiles.json).")
    var profiles: String?

    @Flag(help: "Train without topic profiles, even on a seed manifest.")
    var noProfiles = false

    @Option(parsing: .upToNextOption, help: "Background news (JSONL or text files) for IDF statistics and general-news 'other' evidence.")
    var background: [String] = []

    @Option(help: "Training preset: topics, corpus or auto.")
    var preset: Preset = .auto

    @Option(parsing: .unconditional, help: "Keep only this many features in the model (those with the largest weights): smaller, faster models.")
    var maxFeatures: Int?

    @Flag(help: "Let n-grams span punctuation and spaces (they end a run of characters by default).")
    var ngramsSpanPunctuation = false

    @Option(help: "Training loss: squared (ridge classifier) or squared_hinge (L2-SVM, dual coordinate descent).")
    var loss: ClassifierLoss?

    @Option(help: "Solver for the squared loss: exact_ridge (n×n Gram matrix, Cholesky), dual_coordinate_descent or conjugate_gradient (sparse rows); by default the cheaper by estimated cost.")
    var solver: TrainingSolver?

    @Option(parsing: .unconditional, help: "Penalty λ (default: 30 for topics; for corpora 0.03 with squared loss, 0.1 with squared hinge).")
    var regularization: Float?

    @Flag(help: "Train on traditional characters as they are (by default text is converted to simplified; the model records which).")
    var noConvert = false

    @Option(parsing: .unconditional, help: "Threads that cut the training texts into n-grams (the model is the same for any count; the fit itself runs on one).")
    var threads: Int = 1

    @Option(parsing: .unconditional, help: "Drop n-grams found in fewer training documents (default 1; corpora whose median document has 200+ characters: 2).")
    var minDf: Int?

    /// Negative numbers reach these checks (not "Missing value"): bad values are usage errors.
    func validate() throws {
        if let maxFeatures, maxFeatures < 1 { throw ValidationError("--max-features must be at least 1") }
        if let regularization, !(regularization > 0) { throw ValidationError("--regularization must be above 0") }
        if let minDf, minDf < 1 { throw ValidationError("--min-df must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// Reads labeled examples from seed manifests (group = page) or JSONL with `text`,
    /// `label` (and `title`); `groupField` names the JSONL field that groups records.
    /// - Throws: ``ClassifierError`` naming the file and the first unusable record.
    func examples(from paths: [String], groupField: String?) throws -> [LabeledText] {
        let examples = try LabeledTextReader.examples(from: paths, groupField: groupField, fields: fields.names)
        let names = paths.joined(separator: ", ")
        guard !examples.isEmpty else { throw CorpusError.malformed(path: names, reason: "no labeled examples") }
        guard examples.contains(where: { !BlankDocumentRule.isBlank($0.text) }) else {
            throw CorpusError.malformed(path: names, reason: "every example's text is empty: nothing to learn from")
        }
        return examples
    }

    /// The profiles to use for `paths`, or `nil`.
    func loadProfiles(for paths: [String]) throws -> TopicProfiles? {
        try TrainingPreset.profiles(path: profiles, disabled: noProfiles, dataPaths: paths)
    }

    /// The background texts, read in input order.
    func backgroundTexts() throws -> [String] {
        guard !background.isEmpty else { return [] }
        var texts: [String] = []
        var skipped = 0
        try InputSource(paths: background).forEachRecord { result in
            if case .success(let record) = result { texts.append(record.text) } else { skipped += 1 }
            return true
        }
        if skipped > 0 { OutputWriter.diagnostic("background: \(skipped) unreadable record(s) skipped") }
        return texts
    }

    /// The trainer for the chosen preset (the corpus preset looks at the examples' lengths).
    func trainer(usingProfiles: Bool, examples: [LabeledText]) -> TopicClassifierTrainer {
        var options = preset.libraryPreset.options(usingProfiles: usingProfiles, examples: examples)
        if let maxFeatures { options.maxModelFeatures = maxFeatures }
        if ngramsSpanPunctuation { options.ngrams.includesPunctuation = true }
        if let loss { options.loss = loss }
        if let solver { options.ridgeSolver = solver }
        if let regularization { options.regularization = regularization }
        if let minDf { options.minDocumentFrequency = minDf }
        if noConvert { options.convertsTraditional = false }
        var trainer = TopicClassifierTrainer(options: options)
        trainer.countingThreads = max(1, threads)
        return trainer
    }
}
