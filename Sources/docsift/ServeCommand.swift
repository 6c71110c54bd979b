import ArgumentParser
import DocSift
import DocSiftServer
import Foundation
import Logging

/// `docsift serve`: the HTTP server (see `DocSiftServer`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve labels and summaries over HTTP until SIGTERM or SIGINT.",
        discussion: """
            POST /v1/label and POST /v1/summarize take one document {"id","text","title"} or a batch \
            {"documents":[...]} and answer with the records of `docsift label` / `docsift summarize` \
            (a batch as {"results":[...]}). GET /healthz answers {"status":"ok"}; GET /metrics is \
            Prometheus text. The model is loaded once (DOCSIFT_MODEL / DOCSIFT_IDF override the \
            built-in files). Logs go to standard error; the line "listening on HOST:PORT" goes to \
            standard output once the server accepts connections.
            """)

    @Option(help: "Address to bind (loopback by default).")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "TCP port; 0 picks a free one and prints it.")
    var port = 8080

    @Option(help: "A trained model (default: the built-in one; DOCSIFT_MODEL overrides).")
    var model: String?

    @Option(parsing: .unconditional, help: "Largest request body accepted, in bytes (larger: 413).")
    var maxBodyBytes = 4 << 20

    @Option(parsing: .unconditional, help: "Most documents in one batch request (more: 413).")
    var maxDocuments = 1000

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (debug logs every request).")
    var logLevel = "info"

    @OptionGroup var summaryArguments: SummaryArguments

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard maxBodyBytes >= 1 else { throw ValidationError("--max-body-bytes must be at least 1") }
        guard maxDocuments >= 1 else { throw ValidationError("--max-documents must be at least 1") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level \(logLevel) is not a level") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        // A missing or corrupt model is a runtime failure (exit 1, the message names the file), not usage.
        let topicModel = try model.map { try TopicModel.load(from: URL(fileURLWithPath: $0)) } ?? TopicModel.loadDefault()
        let summarizer = try summaryArguments.makeSummarizer()
        let server = DocSiftServer(
            configuration: ServerConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes, maxDocumentsPerRequest: maxDocuments),
            service: DocumentService(model: topicModel, summarizer: summarizer),
            logger: Logger(label: "docsift.serve"))
        let host = self.host
        try await server.run { port in
            // Written unbuffered, so a script reading standard output sees it at once.
            FileHandle.standardOutput.write(Data("listening on \(host):\(port)\n".utf8))
        }
    }
}
