#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns text into L2-normalized TF-IDF vectors over character n-grams.
///
/// Term frequency is sublinear (`1 + ln tf`), IDF is smoothed
/// (`ln((1 + N) / (1 + df)) + 1`), and n-grams outside the vocabulary are ignored.
public struct TFIDFVectorizer: Sendable, Equatable {
    /// The n-gram options the vocabulary was built with.
    public let options: NGramOptions
    /// The known n-grams.
    public let vocabulary: Vocabulary
    /// The IDF weight of each feature, by feature index.
    public let idf: [Float]
    private let extractor: NGramExtractor

    /// A vectorizer over a given vocabulary and IDF table (e.g. read from a model file).
    /// Features beyond `idf.count` get weight 1.
    public init(options: NGramOptions, vocabulary: Vocabulary, idf: [Float]) {
        self.options = options
        self.vocabulary = vocabulary
        self.idf = idf.count == vocabulary.count ? idf
            : Array(idf.prefix(vocabulary.count)) + [Float](repeating: 1, count: max(0, vocabulary.count - idf.count))
        self.extractor = NGramExtractor(options: options)
    }

    /// Learns the vocabulary from `documents` and IDF from `documents` plus `idfBackground`.
    /// - Parameters:
    ///   - minDocumentFrequency: drop n-grams found in fewer training documents.
    ///   - maxFeatures: keep at most this many n-grams, the most frequent first (ties by key).
    ///   - idfBackground: extra texts that only contribute to IDF (e.g. general news).
    public static func fit(
        documents: [String], options: NGramOptions = NGramOptions(), minDocumentFrequency: Int = 1,
        maxFeatures: Int? = nil, idfBackground: [String] = []
    ) -> TFIDFVectorizer {
        var training = DocumentFrequencies(options: options)
        training.add(contentsOf: documents)
        var background = DocumentFrequencies(options: options)
        background.add(contentsOf: idfBackground)
        return fit(training: training, background: background,
                   minDocumentFrequency: minDocumentFrequency, maxFeatures: maxFeatures)
    }

    /// Learns the vocabulary from counted training documents and IDF from both counts.
    public static func fit(
        training: DocumentFrequencies, background: DocumentFrequencies? = nil,
        minDocumentFrequency: Int = 1, maxFeatures: Int? = nil
    ) -> TFIDFVectorizer {
        var kept = training.counts.filter { $0.value >= minDocumentFrequency }.map { ($0.key, $0.value) }
        if let maxFeatures, kept.count > maxFeatures {
            kept.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            kept.removeLast(kept.count - max(0, maxFeatures))
        }
        let keys = kept.map(\.0).sorted()
        let total = training.documentCount + (background?.documentCount ?? 0)
        let idf = keys.map { key -> Float in
            let df = (training.counts[key] ?? 0) + (background?.counts[key] ?? 0)
            return DocumentFrequencies.smoothIDF(documentFrequency: df, documentCount: total)
        }
        return TFIDFVectorizer(options: training.extractor.options, vocabulary: Vocabulary(keys: keys), idf: idf)
    }

    /// The TF-IDF vector of `text`.
    public func transform(_ text: String) -> SparseVector {
        var counts: [Int32: Float] = [:]
        extractor.forEachKey(in: text) { key in
            if let index = vocabulary.lookup(key) { counts[index, default: 0] += 1 }
        }
        let indices = counts.keys.sorted()
        var values = indices.map { index -> Float in
            (1 + logf(counts[index] ?? 1)) * idf[Int(index)]
        }
        normalize(&values)
        return SparseVector(indices: indices, values: values)
    }

    /// The TF-IDF vector of `text`, using `workspace` as scratch space: no dictionary
    /// allocations, for bulk work. A workspace belongs to one thread at a time.
    public func transform(_ text: String, using workspace: Workspace) -> SparseVector {
        workspace.prepare(featureCount: vocabulary.count)
        extractor.forEachKey(in: text) { key in
            if let index = vocabulary.lookup(key) { workspace.count(Int(index)) }
        }
        var indices = workspace.touched
        indices.sort()
        var values = [Float](repeating: 0, count: indices.count)
        for (k, index) in indices.enumerated() {
            values[k] = (1 + logf(workspace.counts[Int(index)])) * idf[Int(index)]
        }
        workspace.reset()
        normalize(&values)
        return SparseVector(indices: indices, values: values)
    }

    private func normalize(_ values: inout [Float]) {
        var s: Float = 0
        for v in values { s += v * v }
        guard s > 0 else { return }
        let inverse = 1 / s.squareRoot()
        for k in values.indices { values[k] *= inverse }
    }

    public static func == (lhs: TFIDFVectorizer, rhs: TFIDFVectorizer) -> Bool {
        lhs.options == rhs.options && lhs.vocabulary == rhs.vocabulary && lhs.idf == rhs.idf
    }

    /// Reusable scratch space for ``transform(_:using:)``: a dense count per feature and
    /// the list of features touched by the current document.
    public final class Workspace {
        fileprivate var counts: [Float] = []
        fileprivate var touched: [Int32] = []

        /// An empty workspace; it grows to the vocabulary on first use.
        public init() {}

        fileprivate func prepare(featureCount: Int) {
            if counts.count < featureCount { counts = [Float](repeating: 0, count: featureCount) }
        }

        @inline(__always)
        fileprivate func count(_ index: Int) {
            if counts[index] == 0 { touched.append(Int32(index)) }
            counts[index] += 1
        }

        fileprivate func reset() {
            for index in touched { counts[Int(index)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
