import ArgumentParser
import Foundation
import DocSift
#if canImport(Glibc)
import Glibc
#endif

/// The `docsift` command: one root, one small struct per verb.
@main
struct DocSiftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docsift",
        abstract: "Topic labels and extractive summaries for Chinese news.",
        discussion: """
            Results go to standard output as JSONL; diagnostics go to standard error. Exit status: \
            0 on success, 1 when the run failed (a missing or corrupt file, a write error, --strict \
            stopped at a bad record), 64 for a usage error.
            """,
        version: DocSiftRelease.version,
        subcommands: [SplitCommand.self, PrepCommand.self, LabelCommand.self, SummarizeCommand.self, TrainCommand.self,
                      EvalCommand.self, EvalSummaryCommand.self, BuildIDFCommand.self, ServeCommand.self]
    )

    /// Parses the arguments and runs the verb. Usage errors print the usage and exit 64;
    /// every other failure prints one `Error:` line on standard error (after the results
    /// written so far) and exits 1.
    /// `serve` keeps the server's own graceful handling of SIGTERM/SIGINT.
    static func main() async {
        StandardStreams.prepare()
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                if !(asynchronous is ServeCommand) { TerminationSignals.install() }
                try await asynchronous.run()
            } else {
                TerminationSignals.install()
                try command.run()
            }
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error as ValidationError {
            exit(withError: error)
        } catch where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exit(withError: error)  // `help VERB` and other parser requests raised while running
        } catch {
            OutputWriter.diagnostic("Error: \(RunFailure.message(error))")
            Glibc.exit(1)
        }
    }
}

/// The one-line message of a runtime failure.
enum RunFailure {
    /// `errorDescription` of a `LocalizedError`, else the error's description.
    static func message(_ error: any Error) -> String {
        if let localized = error as? any LocalizedError, let text = localized.errorDescription { return text }
        return String(describing: error)
    }
}
