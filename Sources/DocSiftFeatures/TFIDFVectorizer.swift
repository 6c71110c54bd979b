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
    /// Cuts text into the n-gram keys of ``options``.
    public let extractor: NGramExtractor

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
    ///   - documents: the training texts (vocabulary and IDF).
    ///   - options: how texts are cut into n-grams.
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
        var kept: [(UInt64, Int)] = []
        kept.reserveCapacity(training.counts.count)
        training.counts.forEach { key, count in
            if count >= minDocumentFrequency { kept.append((key, count)) }
        }
        if let maxFeatures, kept.count > maxFeatures {
            kept.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            kept.removeLast(kept.count - max(0, maxFeatures))
        }
        var keys = kept.map(\.0)
        RadixSort.sort(&keys)
        let total = training.documentCount + (background?.documentCount ?? 0)
        let trainingFrequencies = training.counts.counts(of: keys)
        let backgroundFrequencies = background?.counts.counts(of: keys)
        let idf = keys.indices.map { k -> Float in
            let df = trainingFrequencies[k] + (backgroundFrequencies?[k] ?? 0)
            return DocumentFrequencies.smoothIDF(documentFrequency: df, documentCount: total)
        }
        return TFIDFVectorizer(options: training.extractor.options, vocabulary: Vocabulary(keys: keys), idf: idf)
    }

    /// The TF-IDF vector of `text`.
    public func transform(_ text: String) -> SparseVector {
        transform(text, using: NGramCounts())
    }

    /// The TF-IDF vector of `text`, counting n-grams in `counts` (reusable scratch space that
    /// belongs to one thread at a time): each distinct n-gram is looked up once.
    public func transform(_ text: String, using counts: NGramCounts) -> SparseVector {
        counts.count(text, with: extractor)
        return vector(count: counts.distinctCount, key: counts.key(at:), tally: counts.tally(at:))
    }

    /// The TF-IDF vector of a document already counted (see ``CountedNGrams``).
    public func transform(_ counted: CountedNGrams) -> SparseVector {
        counted.keys.withUnsafeBufferPointer { keys in
            counted.tallies.withUnsafeBufferPointer { tallies in
                vector(count: keys.count, key: { keys[$0] }, tally: { tallies[$0] })
            }
        }
    }

    /// The normalized vector of `count` distinct n-grams given by `key(k)` and `tally(k)`.
    private func vector(count: Int, key: (Int) -> UInt64, tally: (Int) -> UInt32) -> SparseVector {
        // Feature index in the high half, count in the low half: sorting by the high half
        // orders the features.
        var packed: [UInt64] = []
        packed.reserveCapacity(count)
        let ahead = 16
        for k in 0..<min(ahead, count) { vocabulary.prefetch(key(k)) }
        for k in 0..<count {
            if k + ahead < count { vocabulary.prefetch(key(k + ahead)) }
            if let index = vocabulary.lookup(key(k)) {
                packed.append(UInt64(UInt32(bitPattern: index)) << 32 | UInt64(tally(k)))
            }
        }
        RadixSort.sort(&packed, bytes: 4..<8)
        var indices = [Int32](repeating: 0, count: packed.count)
        var values = [Float](repeating: 0, count: packed.count)
        idf.withUnsafeBufferPointer { idf in
            SublinearTF.table.withUnsafeBufferPointer { sublinear in
                for (k, entry) in packed.enumerated() {
                    let index = Int32(truncatingIfNeeded: entry >> 32)
                    indices[k] = index
                    values[k] = SublinearTF.weight(UInt32(truncatingIfNeeded: entry), table: sublinear) * idf[Int(index)]
                }
            }
        }
        normalize(&values)
        return SparseVector(ascendingIndices: indices, values: values)
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
}
