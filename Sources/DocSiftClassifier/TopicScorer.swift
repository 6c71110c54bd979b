import DocSiftFeatures

/// A ``TopicModel`` compiled for bulk labeling: the fast path of `docsift label`.
///
/// Per document, the n-grams are counted in a small cache-resident table
/// (``NGramCounts``); then each *distinct* n-gram is looked up once in the vocabulary,
/// with the lookup of a later n-gram prefetched while the current one is scored, and its
/// IDF and label weights are read from one cache-line-aligned row (``ScoringRows``).
/// Scores are `Σ tf-idf · weight`, divided once by the vector's norm: the same numbers as
/// ``TopicModel/classify(_:title:)`` up to float rounding, without building a vector.
///
/// Build one per model and share it: it is immutable and safe to use from many threads,
/// each with its own ``NGramCounts``.
public struct TopicScorer: Sendable {
    /// The model this scorer was compiled from.
    public let model: TopicModel
    let rows: ScoringRows

    /// How many distinct n-grams ahead a vocabulary slot is prefetched.
    static let prefetchDistance = 32
    /// Distinct n-grams whose rows are fetched together before they are summed.
    static let blockSize = 32

    /// Compiles `model` (copies its IDF and weights into aligned rows).
    public init(_ model: TopicModel) {
        self.model = model
        self.rows = ScoringRows(idf: model.vectorizer.idf, weights: model.weights)
    }

    /// Classifies one document; `counts` is scratch space owned by the calling thread.
    public func classify(_ text: String, title: String? = nil, using counts: NGramCounts) -> TopicPrediction {
        model.prediction(fromScores: scores(TopicModel.documentText(text, title: title), using: counts))
    }

    /// Raw linear scores of `text` (one per label, bias included).
    ///
    /// Distinct n-grams go in blocks: first every key of the block is looked up (each
    /// vocabulary slot prefetched a few keys ahead) and the rows of the known ones are
    /// prefetched; then the block's rows, by now in cache, are summed. Row loads are the
    /// cache misses of labeling; this way they overlap instead of queueing one by one.
    public func scores(_ text: String, using counts: NGramCounts) -> [Float] {
        let vocabulary = model.vectorizer.vocabulary
        counts.count(text, with: model.vectorizer.extractor)
        let distinct = counts.distinctCount
        let ahead = TopicScorer.prefetchDistance
        let block = TopicScorer.blockSize
        for k in 0..<min(ahead, distinct) { vocabulary.prefetch(counts.key(at: k)) }
        var accumulator = rows.makeAccumulator()
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * block) { found in
            var start = 0
            while start < distinct {
                let end = min(start + block, distinct)
                var known = 0
                for k in start..<end {
                    if k + ahead < distinct { vocabulary.prefetch(counts.key(at: k + ahead)) }
                    guard let feature = vocabulary.lookup(counts.key(at: k)) else { continue }
                    rows.prefetch(feature: Int(feature))
                    found[2 * known] = feature
                    found[2 * known + 1] = Int32(truncatingIfNeeded: k)
                    known += 1
                }
                for m in 0..<known {
                    let tf = TFIDFVectorizer.sublinearTF(counts.tally(at: Int(found[2 * m + 1])))
                    rows.accumulate(feature: Int(found[2 * m]), termFrequency: tf, into: &accumulator)
                }
                start = end
            }
        }
        return rows.scores(from: accumulator, bias: model.bias)
    }
}
