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
    @usableFromInline let extractor: NGramExtractor

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
        var indices = Array(workspace.touched)
        indices.sort()
        var values = [Float](repeating: 0, count: indices.count)
        for (k, index) in indices.enumerated() {
            values[k] = Workspace.sublinearTF(workspace.counts[Int(index)]) * idf[Int(index)]
        }
        workspace.reset()
        normalize(&values)
        return SparseVector(indices: indices, values: values)
    }

    /// Calls `body(featureIndex, value)` for every feature of `text` with its TF-IDF value
    /// *before* L2 normalization, in no particular order, and returns the vector's L2 norm
    /// (0 for an empty vector). Scoring a linear model needs no sorted vector: summing
    /// `value · weight` and dividing by the norm gives the same score without sorting or
    /// allocating, which is the fast path of bulk labeling.
    @inlinable
    public func forEachWeightedFeature(in text: String, using workspace: Workspace,
                                       _ body: (Int, Float) -> Void) -> Float {
        workspace.prepare(featureCount: vocabulary.count)
        extractor.forEachKey(in: text) { key in
            if let index = vocabulary.lookup(key) { workspace.count(Int(index)) }
        }
        var squares: Float = 0
        idf.withUnsafeBufferPointer { idf in
            for index in workspace.touched {
                let feature = Int(index)
                let value = Workspace.sublinearTF(workspace.counts[feature]) * idf[feature]
                squares += value * value
                body(feature, value)
            }
        }
        workspace.reset()
        return squares.squareRoot()
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
    /// the list of features touched by the current document. Raw buffers rather than arrays
    /// in a class, so that the innermost loop pays no exclusivity checks.
    public final class Workspace {
        @usableFromInline var counts: UnsafeMutablePointer<Float>
        @usableFromInline var capacity = 0
        @usableFromInline var touchedIndices: UnsafeMutablePointer<Int32>
        @usableFromInline var touchedCount = 0
        /// `1 + ln(c)` for counts below 64, so the common case needs no logarithm.
        @usableFromInline static let sublinearTable: [Float] = (0..<64).map { $0 == 0 ? 0 : 1 + logf(Float($0)) }

        /// An empty workspace; it grows to the vocabulary on first use.
        public init() {
            counts = UnsafeMutablePointer<Float>.allocate(capacity: 1)
            touchedIndices = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        }

        deinit {
            counts.deallocate()
            touchedIndices.deallocate()
        }

        /// The features counted for the current document, in first-seen order.
        @usableFromInline var touched: UnsafeBufferPointer<Int32> {
            UnsafeBufferPointer(start: touchedIndices, count: touchedCount)
        }

        /// Sublinear term frequency `1 + ln(count)`.
        @inlinable @inline(__always)
        static func sublinearTF(_ count: Float) -> Float {
            count < 64 ? sublinearTable.withUnsafeBufferPointer { $0[Int(count)] } : 1 + logf(count)
        }

        @usableFromInline
        func prepare(featureCount: Int) {
            guard capacity < featureCount else { return }
            counts.deallocate()
            touchedIndices.deallocate()
            counts = UnsafeMutablePointer<Float>.allocate(capacity: featureCount)
            counts.initialize(repeating: 0, count: featureCount)
            touchedIndices = UnsafeMutablePointer<Int32>.allocate(capacity: featureCount)
            capacity = featureCount
            touchedCount = 0
        }

        @inlinable @inline(__always)
        func count(_ index: Int) {
            if counts[index] == 0 {
                touchedIndices[touchedCount] = Int32(truncatingIfNeeded: index)
                touchedCount += 1
            }
            counts[index] += 1
        }

        @usableFromInline
        func reset() {
            for k in 0..<touchedCount { counts[Int(touchedIndices[k])] = 0 }
            touchedCount = 0
        }
    }
}
