import DocSift

/// How `docsift serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The address to bind (loopback by default; a service exposed elsewhere sits behind a proxy).
    public var host: String
    /// The TCP port; 0 picks a free one (the chosen port is reported once listening).
    public var port: Int
    /// The largest request body accepted, in bytes; a larger one gets 413.
    public var maxBodyBytes: Int
    /// The most documents one batch request may carry; more gets 413.
    public var maxDocumentsPerRequest: Int
    /// Summary budget and keywords for `POST /v1/summarize` (a document's own `max_chars` wins).
    public var summaryOptions: SummaryOptions

    /// A configuration; the defaults are loopback, port 8080, 4 MiB bodies, 1,000 documents.
    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 4 << 20,
                maxDocumentsPerRequest: Int = 1000, summaryOptions: SummaryOptions = SummaryOptions()) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxDocumentsPerRequest = maxDocumentsPerRequest
        self.summaryOptions = summaryOptions
    }
}
