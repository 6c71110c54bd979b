import ArgumentParser
import DocSift
import Foundation

extension ClassifierLoss: ExpressibleByArgument {}

/// What `train` and `eval --cv-field` learn from: labeled data, topic profiles, background.
struct TrainingDataOptions: ParsableArguments {
    enum Preset: String, ExpressibleByArgument, CaseIterable {
        /// Topic profiles as a prior, abstain to `other`, thresholds by nested CV.
        case topics
        /// A plain labeled corpus (cnews, THUCNews): no profiles, no abstaining.
        case corpus
        /// `topics` when profiles are used, else `corpus`.
        case auto
    }

    @Option(help: "Topic profiles (default for a seed manifest: the shipped Models/profiles.json).")
    var profiles: String?

    @Flag(help: "Train without topic profiles, even on a seed manifest.")
    var noProfiles = false

    @Option(parsing: .upToNextOption, help: "Background news (JSONL or text files) for IDF statistics and general-news 'other' evidence.")
    var background: [String] = []

    @Option(help: "Training preset: topics, corpus or auto.")
    var preset: Preset = .auto

    @Option(help: "Keep only this many features in the model (those with the largest weights): smaller, faster models.")
    var maxFeatures: Int?

    @Flag(help: "Let n-grams span punctuation and spaces (they end a run of characters by default).")
    var ngramsSpanPunctuation = false

    @Option(help: "Training loss: squared (ridge, one Cholesky solve) or squared_hinge (L2-SVM, dual coordinate descent). Corpora default to squared up to 12,000 examples, else squared_hinge.")
    var loss: ClassifierLoss?

    @Option(help: "Penalty λ (default: 30 for topics; for corpora 0.03 with squared loss, 0.1 with squared hinge).")
    var regularization: Float?

    @Flag(help: "Train on traditional characters as they are (by default text is converted to simplified; the model records which).")
    var noConvert = false

    @Option(help: "Drop n-grams found in fewer training documents (default 1; corpora whose median document has 200+ characters: 2).")
    var minDf: Int?

    /// Reads labeled examples from seed manifests (group = page) or JSONL with `text`,
    /// `label` (and `title`); `groupField` names the JSONL field that groups records.
    /// - Throws: ``ClassifierError`` naming the file and the first unusable record.
    func examples(from paths: [String], groupField: String?) throws -> [LabeledText] {
        var examples: [LabeledText] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            if SeedCorpus.isManifest(url) {
                let corpus = try SeedCorpus(manifestURL: url)
                examples += corpus.articles.map { LabeledText(text: $0.text, label: $0.label, group: $0.page) }
            } else {
                examples += try LabeledTextReader.jsonLines(url, groupField: groupField)
            }
        }
        guard !examples.isEmpty else { throw ValidationError("no labeled examples in \(paths.joined(separator: ", "))") }
        return examples
    }

    /// The profiles to use for `paths`, or `nil`.
    func loadProfiles(for paths: [String]) throws -> TopicProfiles? {
        if noProfiles { return nil }
        if let profiles { return try TopicProfiles.load(from: URL(fileURLWithPath: profiles)) }
        let onSeeds = paths.contains { SeedCorpus.isManifest(URL(fileURLWithPath: $0)) }
        return onSeeds ? try TopicProfiles.loadDefault() : nil
    }

    /// The background texts, read in input order.
    func backgroundTexts() throws -> [String] {
        guard !background.isEmpty else { return [] }
        var texts: [String] = []
        try InputSource(paths: background).forEachRecord { result in
            if case .success(let record) = result { texts.append(record.text) }
            return true
        }
        return texts
    }

    /// The trainer for the chosen preset (the corpus preset looks at the examples' lengths).
    func trainer(usingProfiles: Bool, examples: [LabeledText]) -> TopicClassifierTrainer {
        var options: TrainingOptions
        switch preset {
        case .topics: options = TrainingOptions()
        case .corpus: options = .corpus(for: examples)
        case .auto: options = usingProfiles ? TrainingOptions() : .corpus(for: examples)
        }
        if let maxFeatures { options.maxModelFeatures = maxFeatures }
        if ngramsSpanPunctuation { options.ngrams.includesPunctuation = true }
        if let loss { options.loss = loss }
        if let regularization { options.regularization = regularization }
        if let minDf { options.minDocumentFrequency = minDf }
        if noConvert { options.convertsTraditional = false }
        return TopicClassifierTrainer(options: options)
    }
}
