import ArgumentParser
import DocSift

/// `docsift split`: cut newspaper pages into articles.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Cut OCR'd newspaper pages into articles.",
        discussion: """
            Writes one JSONL record per article found: {"id","page","title","text","lines"}, where \
            lines are 1-based inclusive line ranges into the page.
            """)

    @OptionGroup var input: InputOptions

    func run() throws {
        let output = OutputWriter()
        defer { output.flush() }
        try input.forEachRecord(verb: "split", { record in
            let page = record.id.split(separator: "/").last.map(String.init) ?? record.id
            for (number, article) in PageSplitter.articles(in: record.text).enumerated() {
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
    }
}
