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
            page and pooled on standard error. A page in which no article is found gives \
            {"id","error"}.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "A seed manifest (articles.json) to score the article boundaries against.")
    var gold: String?

    func run() throws {
        let output = OutputWriter()
        // Only pages the gold manifest scores are remembered, so memory stays bounded.
        let corpus = try gold.map { try SeedCorpus(manifestURL: URL(fileURLWithPath: $0)) }
        let goldPages = Set(corpus?.articles.map(\.page) ?? [])
        var predictedByPage: [String: [[ClosedRange<Int>]]] = [:]
        let tally = try input.forEachRecord(verb: "split", { record in
            let page = record.id.split(separator: "/").last.map(String.init) ?? record.id
            let articles = PageSplitter.articles(in: record.text)
            if goldPages.contains(page) { predictedByPage[page] = articles.map(\.lines) }
            if articles.isEmpty {
                try output.line(utf8: LabeledDocument(id: record.id, error: "no article found on the page").jsonUTF8)
            }
            for (number, article) in articles.enumerated() {
                try output.record(.object([
                    ("id", .string("\(record.id)#\(number + 1)")),
                    ("page", .string(page)),
                    ("title", .string(article.title)),
                    ("text", .string(article.text)),
                    ("lines", .array(article.lines.map { .array([.integer($0.lowerBound), .integer($0.upperBound)]) })),
                ]))
            }
        }, report: { error in
            try output.line(utf8: LabeledDocument(id: error.id, error: error.reason).jsonUTF8)
        })
        try output.flush()
        if let corpus { reportScore(predictedByPage: predictedByPage, corpus: corpus) }
        try tally.finish()
    }

    private func reportScore(predictedByPage: [String: [[ClosedRange<Int>]]], corpus: SeedCorpus) {
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
