import DocSift
import Foundation

/// What a `docsift_model *` points to: the topic model compiled for scoring, per-thread
/// scratch space, and the summarizer with its background IDF. Immutable after opening;
/// every method may be called from many threads at once.
final class ModelHandle: Sendable {
    private let scorer: TopicScorer
    private let scratch: ResourcePool<NGramCounts>
    private let summarizer: Summarizer

    /// Opens the model at `modelPath` and the IDF at `idfPath` (`nil`: the shipped defaults).
    /// - Throws: ``CInterfaceError/model(_:)`` with the library's one-line message, which
    ///   names the file (or the `DOCSIFT_*` variable) and what to do.
    init(modelPath: String?, idfPath: String?) throws {
        do {
            let model = try modelPath.map { try TopicModel.load(from: URL(fileURLWithPath: $0)) } ?? TopicModel.loadDefault()
            let background = try idfPath.map { try BackgroundIDF(contentsOf: URL(fileURLWithPath: $0)) } ?? BackgroundIDF.loadDefault()
            scorer = TopicScorer(model)
            summarizer = Summarizer(options: SummaryOptions(), background: background)
        } catch {
            throw CInterfaceError.model(error.localizedDescription)
        }
        scratch = ResourcePool(make: { NGramCounts() })
        // Callers run documents in parallel (threads, processes); BLAS threads would only spin.
        BLASProvider.setThreadCount(1)
    }

    /// The label record of one document, as JSON: `docsift label`'s record without `id`
    /// (see `docsift_label`).
    func label(_ text: String, title: String?, withSummary: Bool) throws -> String {
        try Self.requireContent(text)
        let prediction = scratch.withResource { scorer.classify(text, title: title, using: $0) }
        let summary = withSummary ? summarizer.summarize(text, title: title) : nil
        return LabeledDocument(id: "", prediction: prediction, summary: summary).jsonValue(includingID: false).text
    }

    /// The summary record of one document, as JSON: `docsift summarize`'s record without
    /// `id` (see `docsift_summarize`).
    func summarize(_ text: String, title: String?, maxCharacters: Int) throws -> String {
        guard maxCharacters == 0 || InputRecord.maxCharactersRange.contains(maxCharacters) else {
            throw CInterfaceError.invalidArgument(InputRecord.invalidMaxCharacters("\(maxCharacters)") + ", or 0 for the default")
        }
        try Self.requireContent(text)
        let budget: SummaryBudget? = maxCharacters > 0 ? .characters(maxCharacters) : nil
        return LabeledDocument(id: "", summary: summarizer.summarize(text, title: title, budget: budget)).jsonValue(includingID: false).text
    }

    /// The CLI's rule (``BlankDocumentRule``): a document with no visible character has no label.
    private static func requireContent(_ text: String) throws {
        if BlankDocumentRule.isBlank(text) { throw CInterfaceError.emptyDocument }
    }
}
