import ArgumentParser
import DocSift

/// `docsift prep`: show what text preparation makes of a document.
struct PrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep",
        abstract: "Print the reflowed text and numbered sentences of each document (for debugging input).")

    @OptionGroup var input: InputOptions

    func run() throws {
        let output = OutputWriter()
        defer { output.flush() }
        try input.forEachRecord(verb: "prep", { record in
            let document = PreparedDocument(text: record.text)
            output.line("# \(record.id)")
            output.line("## blocks")
            for block in document.blocks {
                output.line("[\(block.kind.rawValue) \(block.lines.lowerBound)-\(block.lines.upperBound)] \(block.text)")
            }
            output.line("## sentences")
            for sentence in document.sentences {
                output.line("\(sentence.index + 1). \(sentence.text)")
            }
            output.line("")
        }, report: { error in
            output.line("# \(error.id): error: \(error.reason)")
        })
    }
}
