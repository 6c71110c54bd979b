import ArgumentParser
import DocSift

/// The `docsift` command: one root, one small struct per verb.
@main
struct DocSiftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docsift",
        abstract: "Topic labels and extractive summaries for Chinese news.",
        discussion: "Results go to standard output as JSONL; diagnostics go to standard error.",
        version: DocSiftRelease.version,
        subcommands: [SplitCommand.self, PrepCommand.self, LabelCommand.self, SummarizeCommand.self, TrainCommand.self,
                      EvalCommand.self, EvalSummaryCommand.self, BuildIDFCommand.self, ServeCommand.self]
    )
}
