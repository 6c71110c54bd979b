import DocSiftFeatures

/// The character n-grams of one document's body sentences, indexed locally: every
/// distinct n-gram gets a dense local feature id, every occurrence is recorded with its
/// position, and sentences get L2-normalized TF-IDF vectors over the local ids.
///
/// Built once per summarize call; flat arrays only (no dictionaries in the loops).
struct DocumentFeatures {
    /// The body sentences' scalars, sentence after sentence.
    let scalars: [Unicode.Scalar]
    /// Start offset of each sentence in `scalars`, plus the end (count + 1 entries).
    let sentenceStarts: [Int]
    /// Number of local features.
    let featureCount: Int
    /// The n-gram key of each local feature.
    let keys: [UInt64]
    /// IDF of each local feature.
    let idf: [Float]
    /// Occurrences grouped by end position: those ending at `p` are
    /// `occurrenceStart[p]..<occurrenceStart[p + 1]`, shortest first.
    let occurrenceStart: [Int32]
    /// Local feature of each occurrence.
    let occurrenceFeature: [Int32]
    /// Length in characters of each occurrence.
    let occurrenceLength: [UInt8]
    /// Number of sentences containing each feature (empty without sentence vectors, unless
    /// there is no background IDF: the IDF then comes from these).
    let sentenceFrequency: [Int32]
    /// Occurrences of each feature in the whole body.
    let termFrequency: [Float]
    /// Sentence vectors in CSR form: row `i` is `rowStart[i]..<rowStart[i + 1]` (features in
    /// first-occurrence order); all four arrays are empty without sentence vectors.
    let rowStart: [Int]
    let rowFeature: [Int32]
    let rowWeight: [Float]
    /// Raw occurrence count of each CSR entry.
    let rowCount: [Float]
    /// The whole body's normalized TF-IDF weights, dense over local features.
    let documentVector: [Float]
    /// The local id of each n-gram key.
    let table: KeyIndexTable
    let options: NGramOptions

    var sentenceCount: Int { sentenceStarts.count - 1 }

    /// The features of `sentences`. Sentence vectors (the CSR rows) are built only when
    /// `sentenceVectors` is true: clause-window gists and keywords do without them.
    init(sentences: [[Unicode.Scalar]], options: NGramOptions, background: BackgroundIDF?, sentenceVectors: Bool = true) {
        self.options = options
        let n = sentences.count
        let total = sentences.reduce(0) { $0 + $1.count }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(total)
        var starts: [Int] = [0]
        starts.reserveCapacity(n + 1)
        for sentence in sentences {
            scalars.append(contentsOf: sentence)
            starts.append(scalars.count)
        }
        self.scalars = scalars
        self.sentenceStarts = starts

        // Occurrences, from the n-gram kernel sentence by sentence (no n-gram spans two).
        let occurrences = NGramExtractor(options: options).occurrences(inRuns: sentences)
        // Local ids, whole-body counts and (for sentence vectors, or IDF over sentences)
        // each sentence's counts.
        let rows = sentenceVectors || background == nil
        let local = LocalNGrams(occurrences, runBounds: starts, perRun: rows)
        let keys = local.keys, featureCount = keys.count
        self.featureCount = featureCount
        self.keys = keys
        self.table = local.table
        self.occurrenceStart = occurrences.starts
        self.occurrenceFeature = local.occurrenceIDs
        self.occurrenceLength = occurrences.lengths
        let tfCount = local.termCounts
        let sf = local.runFrequency
        let idf: [Float]
        if let background {
            idf = background.idf(of: keys)
        } else {
            // Sentence frequencies are at most n: one logarithm per distinct value.
            let bySentenceFrequency = (0...n).map { DocumentFrequencies.smoothIDF(documentFrequency: $0, documentCount: n) }
            idf = sf.map { bySentenceFrequency[Int($0)] }
        }
        let rowStart = local.runStart, rowFeature = local.runIDs
        let rowCounts = local.runCounts.map { Float($0) }
        let rowWeight = local.normalizedRunWeights(idf: idf)
        let documentVector = local.normalizedTermWeights(idf: idf)
        self.termFrequency = tfCount.map { Float($0) }
        self.sentenceFrequency = sf
        self.idf = idf
        self.rowStart = rowStart
        self.rowFeature = rowFeature
        self.rowWeight = rowWeight
        self.rowCount = rowCounts
        self.documentVector = documentVector
    }

    /// The normalized TF-IDF vector of `text`, dense over the local features (n-grams the
    /// body lacks are left out but count toward the norm); `nil` when `text` has no n-grams.
    func denseVector(of text: String, background: BackgroundIDF?) -> [Float]? {
        // The keys sorted (a fixed order: deterministic sums), each with its count.
        var keys = NGramExtractor(options: options).keys(in: text)
        guard !keys.isEmpty else { return nil }
        keys.sort()
        var counted: [(key: UInt64, count: Int)] = []
        for key in keys {
            if let last = counted.last, last.key == key {
                counted[counted.count - 1].count += 1
            } else {
                counted.append((key, 1))
            }
        }
        var vector = [Float](repeating: 0, count: featureCount)
        var norm: Float = 0
        for (key, count) in counted {
            let id = table.index(of: key)
            let weight = SublinearTF.weight(count) * (id.map { idf[Int($0)] } ?? background?.idf(of: key) ?? 1)
            norm += weight * weight
            if let id { vector[Int(id)] = weight }
        }
        guard norm > 0 else { return nil }
        let inverse = 1 / norm.squareRoot()
        for f in 0..<featureCount { vector[f] *= inverse }
        return vector
    }

    /// Dot product of sentence `s` with a dense vector over local features.
    func dot(sentence s: Int, _ vector: [Float]) -> Float {
        var sum: Float = 0
        for k in rowStart[s]..<rowStart[s + 1] { sum += rowWeight[k] * vector[Int(rowFeature[k])] }
        return sum
    }

    /// Cosine of sentence `s` with the whole body.
    func documentSimilarity(ofSentence s: Int) -> Float { dot(sentence: s, documentVector) }
}
