import DocSift
import DocSiftServer
import Logging

/// A `DocSiftServer` running in this process on a free loopback port, stopped by `stop()`.
struct RunningServer {
    let port: Int
    private let task: Task<Void, any Error>

    /// Starts a server with the shipped model; returns once it accepts connections.
    static func start(_ configuration: ServerConfiguration = ServerConfiguration(port: 0)) async throws -> RunningServer {
        var configuration = configuration
        configuration.port = 0
        let server = DocSiftServer(configuration: configuration,
                                   service: try DocumentService.loadDefault(summaryOptions: configuration.summaryOptions),
                                   logger: Logger(label: "docsift.serve.test"))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await server.run(gracefulShutdownSignals: []) { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw ServerDidNotStart()
        }
        return RunningServer(port: port, task: task)
    }

    /// Stops the server (cancelling its task shuts it down gracefully) and waits for it.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    struct ServerDidNotStart: Error {}

    /// Runs `body` against a started server and stops the server afterwards, also on failure.
    static func with<T>(_ configuration: ServerConfiguration = ServerConfiguration(port: 0),
                        _ body: (Int) async throws -> T) async throws -> T {
        let server = try await start(configuration)
        do {
            let result = try await body(server.port)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
