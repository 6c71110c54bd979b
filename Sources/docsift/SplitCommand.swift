import ArgumentParser
import DocSift
import Foundation

/// `docsift split`: cut newspaper pages into articles.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Cut OCR'd newspaper pages into articles.",
        discussion: """
            Writes one JSONL record per article found: {"id","page","title","text","lines"}, where \
            lines are 1-based inclusive line ranges into the page. With --gold, also scores the \
            cut against a seed manifest (articles.json) and prints precision, recall and F1 per \
            page and pooled on standard error.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "A seed manifest (articles.json) to score the article boundaries against.")
    var gold: String?

    func run() throws {
        let output = OutputWriter()
        defer { output.flush() }
        var predictedByPage: [String: [[ClosedRange<Int>]]] = [:]
        try input.forEachRecord(verb: "split", { record in
            let page = record.id.split(separator: "/").last.map(String.init) ?? record.id
            let articles = PageSplitter.articles(in: record.text)
            predictedByPage[page] = articles.map(\.lines)
            for (number, article) in articles.enumerated() {
                output.record(.object([
                    ("id", .string("\(record.id)#\(number + 1)")),
                    ("page", .string(page)),
                    ("title", .string(article.title)),
                    ("text", .string(article.text)),
                    ("lines", .array(article.lines.map { .array([.integer($0.lowerBound), .integer($0.upperBound)]) })),
                ]))
            }
        }, report: { error in
            output.record(.object([("id", .string(error.id)), ("error", .string(error.reason))]))
        })
        output.flush()
        if let gold { try reportScore(predictedByPage: predictedByPage, manifestPath: gold) }
    }

    private func reportScore(predictedByPage: [String: [[ClosedRange<Int>]]], manifestPath: String) throws {
        let corpus = try SeedCorpus(manifestURL: URL(fileURLWithPath: manifestPath))
        var scores: [ArticleBoundaryScore] = []
        for page in Set(corpus.articles.map(\.page)).sorted() {
            let gold = corpus.articles.filter { $0.page == page }.map(\.lineRanges)
            let score = ArticleBoundaryScore(
                predicted: predictedByPage[page] ?? [], gold: gold, pageLines: corpus.pages[page] ?? [])
            scores.append(score)
            OutputWriter.diagnostic("split: \(page): \(score)")
        }
        OutputWriter.diagnostic("split: all pages: \(ArticleBoundaryScore.pooled(scores))")
    }
}
