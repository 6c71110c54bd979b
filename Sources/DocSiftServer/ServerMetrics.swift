import Prometheus

/// The server's Prometheus metrics, in a registry of its own (no process-wide bootstrap, so
/// several servers, e.g. in tests, keep separate counts).
final class ServerMetrics: Sendable {
    /// The registry `GET /metrics` renders.
    let registry = PrometheusCollectorRegistry()
    /// The routes counted by name; any other path counts as `unmatched` (bounded label values).
    static let routes: Set<String> = ["/v1/label", "/v1/summarize", "/healthz", "/metrics"]

    /// One request finished on `route` with `status` after `duration`.
    func recordRequest(route: String, status: Int, duration: Duration) {
        let route = ServerMetrics.routes.contains(route) ? route : "unmatched"
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "docsift", metricName: "http_requests", unitName: "total",
                                             helpText: "HTTP requests by route and status."),
            labels: [("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "docsift", metricName: "http_request_duration", unitName: "seconds",
                                             helpText: "Time from request head to response, by route."),
            labels: [("route", route)],
            buckets: ServerMetrics.latencyBuckets
        ).record(duration)
    }

    /// `count` documents were labeled or summarized on `route` (the rate is documents/s).
    func recordDocuments(route: String, count: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "docsift", metricName: "documents_processed", unitName: "total",
                                             helpText: "Documents labeled or summarized, by route."),
            labels: [("route", route)]
        ).increment(by: Int64(count))
    }

    /// The Prometheus text exposition of every metric.
    func render() -> [UInt8] { registry.emitToBuffer() }

    /// Latency buckets from 0.5 ms to 5 s.
    static let latencyBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]
}
