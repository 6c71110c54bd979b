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
        let tally = try input.forEachRecord(verb: "prep", { record in
            let document = PreparedDocument(text: record.text)
            try output.line("# \(record.id)")
            try output.line("## blocks")
            for block in document.blocks {
                try output.line("[\(block.kind.rawValue) \(block.lines.lowerBound)-\(block.lines.upperBound)] \(block.text)")
            }
            try output.line("## sentences")
            for sentence in document.sentences {
                try output.line("\(sentence.index + 1). \(sentence.text)")
            }
            try output.line("")
        }, report: { error in
            try output.line("# \(error.id): error: \(error.reason)")
        })
        try output.flush()
        try tally.finish()
    }
}
