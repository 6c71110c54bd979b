/// How many documents contain each n-gram: the statistics IDF is computed from.
public struct DocumentFrequencies: Sendable {
    /// n-gram key → number of documents containing it.
    public private(set) var counts = KeyCountTable()
    /// Number of documents counted.
    public private(set) var documentCount = 0
    /// The extractor used to cut documents.
    public let extractor: NGramExtractor

    /// Empty statistics for n-grams of the given options.
    public init(options: NGramOptions = NGramOptions()) {
        extractor = NGramExtractor(options: options)
    }

    /// Counts one document (each distinct n-gram once).
    public mutating func add(_ text: String) {
        add(text, using: NGramCounts())
    }

    /// Counts every document.
    public mutating func add<S: Sequence>(contentsOf texts: S) where S.Element == String {
        let scratch = NGramCounts()
        for text in texts { add(text, using: scratch) }
    }

    /// Makes room for about `expected` distinct n-grams in all (see
    /// ``KeyCountTable/reserveCapacity(_:)``).
    public mutating func reserveCapacity(_ expected: Int) {
        counts.reserveCapacity(expected)
    }

    /// Counts one document already cut into n-grams (each distinct n-gram once).
    public mutating func add(_ counted: CountedNGrams) {
        counts.addOne(toEach: counted.keys)
        documentCount += 1
    }

    /// Counts one document, cutting it in `scratch` (reusable space for one thread, see
    /// ``NGramCounts``) instead of fresh space per document.
    public mutating func add(_ text: String, using scratch: NGramCounts) {
        scratch.count(text, with: extractor)
        counts.addOne(toEach: (0..<scratch.distinctCount).map(scratch.key(at:)))
        documentCount += 1
    }

    /// Smoothed inverse document frequency, `ln((1 + N) / (1 + df)) + 1`, for `documentFrequency`
    /// out of `documentCount` documents.
    /// - Throws: ``BackgroundIDFError/invalidStatistics(_:)`` when either count is negative
    ///   (the logarithm would be NaN) or the frequency exceeds the document count.
    public static func inverseDocumentFrequency(documentFrequency: Int, documentCount: Int) throws(BackgroundIDFError) -> Float {
        guard documentCount >= 0, documentFrequency >= 0 else {
            throw .invalidStatistics("negative count (document frequency \(documentFrequency), document count \(documentCount))")
        }
        guard documentFrequency <= documentCount else {
            throw .invalidStatistics("document frequency \(documentFrequency) exceeds the document count \(documentCount)")
        }
        return smoothIDF(documentFrequency: documentFrequency, documentCount: documentCount)
    }

    /// ``inverseDocumentFrequency(documentFrequency:documentCount:)`` for counts the caller
    /// counted itself (both ≥ 0, so never NaN): the unchecked form for hot loops.
    @inlinable
    package static func smoothIDF(documentFrequency: Int, documentCount: Int) -> Float {
        Float(log(Double(1 + documentCount) / Double(1 + documentFrequency)) + 1)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
