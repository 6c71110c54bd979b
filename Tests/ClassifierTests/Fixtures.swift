import DocSift
import Foundation

/// Shared inputs for the classifier tests: the seed articles, the bundled profiles, and a
/// model trained once on them.
enum Fixtures {
    static let seedExamples: [LabeledText] = {
        guard let corpus = try? SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL) else { return [] }
        return corpus.articles.map { LabeledText(text: $0.text, label: $0.label, group: $0.page) }
    }()

    static let profiles: TopicProfiles? = try? TopicProfiles.load(from: TopicProfiles.bundledURL)

    /// Default options with fewer pseudo-documents, to keep debug test runs short.
    static let options: TrainingOptions = {
        var options = TrainingOptions()
        options.pseudoDocumentsPerTopic = 12
        return options
    }()

    static let seedModel: TopicModel? = try? TopicClassifierTrainer(options: options)
        .train(examples: seedExamples, profiles: profiles)

    /// The shared corpora folder, relative to the package root.
    static let sharedData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data").standardizedFileURL

    static var hasSharedData: Bool {
        FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("cnews_fulltext/cnews_subset.jsonl").path)
    }

    /// A temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("docsift-classifier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
