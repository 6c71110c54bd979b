import Hummingbird
import Logging

/// Counts every request by route and status, times it, and logs it (at debug level).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let route = request.uri.path
        do {
            let response = try await next(request, context)
            finish(route: route, status: response.status.code, start: start, context: context)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            finish(route: route, status: status, start: start, context: context)
            throw error
        }
    }

    private func finish(route: String, status: Int, start: ContinuousClock.Instant, context: Context) {
        let duration = ContinuousClock.now - start
        metrics.recordRequest(route: route, status: status, duration: duration)
        context.logger.debug("request", metadata: [
            "route": .string(route), "status": .stringConvertible(status),
            "duration_ms": .stringConvertible(Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000),
        ])
    }
}
