import DocSift
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The HTTP front end of DocSift: `POST /v1/label`, `POST /v1/summarize`, `GET /healthz`,
/// `GET /metrics`, on Hummingbird.
///
/// The model is loaded once (``DocumentService``) and shared by all requests. On SIGTERM or
/// SIGINT the server stops accepting connections, lets requests in flight finish, and returns.
public struct DocSiftServer: Sendable {
    /// Where to listen and what to accept.
    public let configuration: ServerConfiguration
    /// The model and summarizer the routes call.
    public let service: DocumentService
    /// Structured logs (start, stop, per-request at debug level).
    public let logger: Logger
    let metrics = ServerMetrics()

    /// A server; nothing listens until ``run(gracefulShutdownSignals:onListening:)``.
    public init(configuration: ServerConfiguration, service: DocumentService, logger: Logger) {
        self.configuration = configuration
        self.service = service
        self.logger = logger
    }

    /// Listens and serves until one of `gracefulShutdownSignals` arrives or the calling task is
    /// cancelled, then stops accepting connections, lets requests in flight finish, and returns.
    /// - Parameter onListening: called once with the bound port (the chosen one for port 0).
    /// - Throws: when the address cannot be bound.
    public func run(gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
                    onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let configuration = self.configuration, logger = self.logger
        let application = Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "docsift"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.info("listening", metadata: ["host": .string(configuration.host), "port": .stringConvertible(port),
                                                    "labels": .string(service.model.labels.joined(separator: ","))])
                await onListening(port)
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
        // Cancelling the calling task shuts down as gracefully as a signal does: the group runs
        // in a task of its own, so the cancellation reaches it only as a shutdown request.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
        logger.info("stopped")
    }

    /// The routes, behind the metrics middleware.
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(RequestMetricsMiddleware(metrics: metrics))
        let service = self.service, metrics = self.metrics
        router.get("healthz") { _, _ in
            DocSiftServer.json(.object([("status", .string("ok")), ("labels", .string(service.model.labels.joined(separator: ",")))]),
                               status: .ok)
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
        }
        router.post("v1/label") { request, _ in
            await handle(request, route: "/v1/label") { document in
                LabeledDocument(id: document.id ?? "", prediction: service.label(document.text, title: document.title))
            }
        }
        router.post("v1/summarize") { request, _ in
            await handle(request, route: "/v1/summarize") { document in
                LabeledDocument(id: document.id ?? "", summary: service.summarize(document.text, title: document.title,
                                                                            maxCharacters: document.maxCharacters))
            }
        }
        return router
    }

    /// Reads and parses the body, runs `work` on each document in order, and writes one
    /// record or `{"results": [...]}` (the records of the CLI, byte for byte); refused
    /// requests get a 4xx JSON error.
    private func handle(
        _ request: Request, route: String, work: (RequestDocument) -> LabeledDocument
    ) async -> Response {
        var request = request
        let parsed: DocumentRequest
        do {
            let body = try await DocSiftServer.collectBody(&request, limit: configuration.maxBodyBytes)
            parsed = try DocumentRequest.parse(body, maxDocuments: configuration.maxDocumentsPerRequest)
        } catch {
            logger.info("refused", metadata: ["route": .string(route), "status": .stringConvertible(error.status.code),
                                              "reason": .string(error.description)])
            return DocSiftServer.errorReply(error)
        }
        var documents = parsed.documents
        for index in documents.indices where documents[index].id == nil { documents[index].id = String(index + 1) }
        // The CLI's rule (BlankDocumentRule): a document with no visible character is not
        // labeled: a batch carries {"id","error":"empty document"} in its place; a single
        // document gets 422.
        let isBlank = { (document: RequestDocument) in BlankDocumentRule.isBlank(document.text) }
        if !parsed.isBatch, let document = documents.first, isBlank(document) {
            let error = RequestError.invalidDocument("text is empty (no visible character)")
            return DocSiftServer.errorReply(error)
        }
        let records = documents.map { document in
            isBlank(document) ? LabeledDocument(id: document.id ?? "", error: BlankDocumentRule.reason) : work(document)
        }
        metrics.recordDocuments(route: route, count: records.count)
        if parsed.isBatch { return DocSiftServer.json(.object([("results", .array(records.map { $0.jsonValue() }))]), status: .ok) }
        return DocSiftServer.json(records[0].jsonValue(), status: .ok)
    }

    /// The whole body, or ``RequestError/bodyTooLarge(limit:)``.
    private static func collectBody(_ request: inout Request, limit: Int) async throws(RequestError) -> [UInt8] {
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw .bodyTooLarge(limit: limit)
        } catch {
            throw .unreadableBody("\(error)")
        }
    }

    /// A JSON response of `value`, written by the library's record writer (one line).
    static func json(_ value: RecordJSON, status: HTTPResponse.Status) -> Response {
        var bytes = value.utf8
        bytes.append(0x0A)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The reply to a refused request: `{"error": "...", "status": 400}`.
    static func errorReply(_ error: RequestError) -> Response {
        json(.object([("error", .string(error.description)), ("status", .integer(error.status.code))]), status: error.status)
    }
}
