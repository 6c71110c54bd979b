import DocSiftFeatures

/// A ``TopicModel`` compiled for bulk labeling: the fast path of `docsift label`.
///
/// Per document, the n-grams are counted in a small cache-resident table
/// (`NGramCounts`); then each *distinct* n-gram is looked up once in the vocabulary,
/// with the lookup of a later n-gram prefetched while the current one is scored, and its
/// IDF and label weights are read from one cache-line-aligned row (`ScoringRows`).
/// Scores are `Σ tf-idf · weight`, divided once by the vector's norm: the same numbers as
/// ``TopicModel/classify(_:title:)`` up to float rounding, without building a vector.
///
/// Build one per model and share it: it is immutable and safe to use from many threads,
/// each with its own `NGramCounts`.
public struct TopicScorer: Sendable {
    /// The model this scorer was compiled from.
    public let model: TopicModel
    let rows: ScoringRows

    /// Distinct n-grams per pipeline stage (see ``scores(_:using:)``).
    static let blockSize = 32

    /// Compiles `model` (copies its IDF and weights into aligned rows).
    public init(_ model: TopicModel) {
        self.model = model
        self.rows = ScoringRows(idf: model.vectorizer.idf, weights: model.weights)
    }

    /// Classifies one document; `counts` is scratch space owned by the calling thread.
    public func classify(_ text: String, title: String? = nil, using counts: NGramCounts) -> TopicPrediction {
        model.prediction(fromScores: scores(model.featureText(text, title: title), using: counts))
    }

    /// Raw linear scores of `text` (one per label, bias included).
    ///
    /// Distinct n-grams go through a three-stage pipeline in blocks: the vocabulary slots of
    /// block `b + 2` are prefetched, block `b + 1` is looked up (prefetching the rows of its
    /// known n-grams), and the rows of block `b`, by now in cache, are summed. Table loads
    /// are the cache misses of labeling; this way they overlap instead of queueing.
    public func scores(_ text: String, using counts: NGramCounts) -> [Float] {
        let vocabulary = model.vectorizer.vocabulary
        let rows = self.rows
        counts.count(text, with: model.vectorizer.extractor)
        let distinct = counts.distinctCount
        let block = TopicScorer.blockSize
        for k in 0..<min(2 * block, distinct) { vocabulary.prefetch(counts.key(at: k)) }
        var accumulator = rows.makeAccumulator()
        SublinearTF.table.withUnsafeBufferPointer { sublinear in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * block) { buffers in
                guard let base = buffers.baseAddress else { return }
                /// Looks up the block starting at `start` into `found` (feature in the high half,
                /// term frequency bits in the low half); returns how many are known.
                func lookUp(blockAt start: Int, into found: UnsafeMutablePointer<UInt64>) -> Int {
                    var known = 0
                    for k in start..<min(start &+ block, distinct) {
                        if k &+ 2 &* block < distinct { vocabulary.prefetch(counts.key(at: k &+ 2 &* block)) }
                        guard let feature = vocabulary.lookup(counts.key(at: k)) else { continue }
                        rows.prefetch(feature: Int(feature))
                        let tf = SublinearTF.weight(counts.tally(at: k), table: sublinear)
                        found[known] = UInt64(UInt32(bitPattern: feature)) << 32 | UInt64(tf.bitPattern)
                        known &+= 1
                    }
                    return known
                }
                var current = base, next = base + block
                var currentCount = lookUp(blockAt: 0, into: current)
                var start = 0
                while start < distinct {
                    let nextCount = start + block < distinct ? lookUp(blockAt: start + block, into: next) : 0
                    // Summed in a local copy, which stays in registers (the captured
                    // accumulator lives in memory: a store and a reload per n-gram).
                    var sums = accumulator
                    for m in 0..<currentCount {
                        let entry = current[m]
                        rows.accumulate(feature: Int(truncatingIfNeeded: entry >> 32),
                                        termFrequency: Float(bitPattern: UInt32(truncatingIfNeeded: entry)),
                                        into: &sums)
                    }
                    accumulator = sums
                    swap(&current, &next)
                    currentCount = nextCount
                    start += block
                }
            }
        }
        return rows.scores(from: accumulator, bias: model.bias)
    }
}
