import ArgumentParser
import DocSift
import Foundation

/// `docsift build-idf`: background IDF statistics for the summarizer.
struct BuildIDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-idf",
        abstract: "Count n-gram document frequencies of a news corpus for the summarizer's IDF.",
        discussion: """
            The shipped Models/news-idf.bin is rebuilt byte for byte with:
              docsift build-idf ../shared/data/cnews_fulltext/cnews_subset.jsonl --out Models/news-idf.bin
            """)

    @Argument(help: "JSONL with a text field per line.")
    var corpus: String

    @Option(help: "Where to write the statistics.")
    var out: String

    @Option(parsing: .unconditional, help: "Keep n-grams found in at least this many documents.")
    var minDocumentFrequency: Int = 2

    @OptionGroup var fields: RecordFieldOptions

    func validate() throws {
        if minDocumentFrequency < 1 { throw ValidationError("--min-document-frequency must be at least 1") }
    }

    func run() throws {
        var counted = DocumentFrequencies()
        let scratch = NGramCounts()
        try InputSource(paths: [corpus], fields: fields.names).forEachRecord { result in
            switch result {
            case .success(let record): counted.add(record.text, using: scratch)
            case .failure(let error): throw SummarizerDataError.badRecord(id: error.id, reason: error.reason)
            }
            return true
        }
        let idf = BackgroundIDF(counted, minimumDocumentFrequency: minDocumentFrequency)
        try idf.write(to: URL(fileURLWithPath: out))
        OutputWriter.diagnostic("build-idf: \(idf.count) n-grams from \(idf.documentCount) documents → \(out)")
    }
}
