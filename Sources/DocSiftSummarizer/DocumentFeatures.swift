#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// Number of sentences containing each feature.
    let sentenceFrequency: [Int32]
    /// Occurrences of each feature in the whole body.
    let termFrequency: [Float]
    /// Sentence vectors in CSR form: row `i` is `rowStart[i]..<rowStart[i + 1]` (features in
    /// first-occurrence order).
    let rowStart: [Int]
    let rowFeature: [Int32]
    let rowWeight: [Float]
    /// Raw occurrence count of each CSR entry.
    let rowCount: [Float]
    /// The whole body's normalized TF-IDF weights, dense over local features.
    let documentVector: [Float]
    /// The key table mapping n-gram keys to local ids.
    let table: KeyTable
    let options: NGramOptions

    var sentenceCount: Int { sentenceStarts.count - 1 }

    init(sentences: [[Unicode.Scalar]], options: NGramOptions, background: BackgroundIDF?) {
        self.options = options
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(sentences.reduce(0) { $0 + $1.count })
        var starts: [Int] = [0]
        for sentence in sentences {
            scalars.append(contentsOf: sentence)
            starts.append(scalars.count)
        }
        self.scalars = scalars
        self.sentenceStarts = starts
        let n = sentences.count

        var table = KeyTable(expectedCount: max(16, scalars.count))
        var keys: [UInt64] = []
        var occStart = [Int32](repeating: 0, count: scalars.count + 1)
        var occFeature: [Int32] = []
        var occLength: [UInt8] = []
        occFeature.reserveCapacity(scalars.count * 3)
        occLength.reserveCapacity(scalars.count * 3)
        let minLength = options.minLength, maxLength = options.maxLength
        let folds = options.foldsDigits
        var recent = [UInt32](repeating: 0, count: maxLength)
        scalars.withUnsafeBufferPointer { text in
            for s in 0..<n {
                var run = 0
                var window: UInt64 = 0
                for p in starts[s]..<starts[s + 1] {
                    occStart[p] = Int32(occFeature.count)
                    let scalar = text[p]
                    let value: UInt32
                    if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
                        value = scalar.value  // the common case: a CJK ideograph
                    } else if let v = NGramExtractor.tokenValue(scalar, foldsDigits: folds) {
                        value = v
                    } else {
                        run = 0
                        window = 0
                        continue
                    }
                    window = ((window << 21) | UInt64(value)) & ((1 << 63) - 1)
                    if maxLength > 3 {
                        for k in 0..<(maxLength - 1) { recent[k] = recent[k + 1] }
                        recent[maxLength - 1] = value
                    }
                    run += 1
                    let longest = min(run, maxLength)
                    if longest < minLength { continue }
                    for len in minLength...longest {
                        let key: UInt64
                        if len <= 3 {
                            key = len == 3 ? window : window & ((1 << UInt64(21 * len)) - 1)
                        } else {
                            key = NGramKey.key(of: recent[(maxLength - len)...])
                        }
                        let id = table.valueInserting(key, next: Int32(keys.count))
                        if Int(id) == keys.count { keys.append(key) }
                        occFeature.append(id)
                        occLength.append(UInt8(len))
                    }
                }
            }
        }
        occStart[scalars.count] = Int32(occFeature.count)
        let featureCount = keys.count
        self.featureCount = featureCount
        self.keys = keys
        self.table = table
        self.occurrenceStart = occStart
        self.occurrenceFeature = occFeature
        self.occurrenceLength = occLength

        // Term and sentence frequencies; sentence vectors.
        var tf = [Float](repeating: 0, count: featureCount)
        var sf = [Int32](repeating: 0, count: featureCount)
        var scratch = [Float](repeating: 0, count: featureCount)
        var touched: [Int32] = []
        var rowStart = [0]
        var rowFeature: [Int32] = []
        var rowCounts: [Float] = []
        for s in 0..<n {
            let lo = Int(occStart[starts[s]]), hi = Int(occStart[starts[s + 1]])
            for o in lo..<hi {
                let f = Int(occFeature[o])
                if scratch[f] == 0 { touched.append(Int32(f)) }
                scratch[f] += 1
            }
            for f in touched {
                rowFeature.append(f)
                rowCounts.append(scratch[Int(f)])
                tf[Int(f)] += scratch[Int(f)]
                sf[Int(f)] += 1
                scratch[Int(f)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            rowStart.append(rowFeature.count)
        }
        var idf = [Float](repeating: 1, count: featureCount)
        if let background {
            for f in 0..<featureCount { idf[f] = background.idf(of: keys[f]) }
        } else {
            for f in 0..<featureCount {
                idf[f] = DocumentFrequencies.smoothIDF(documentFrequency: Int(sf[f]), documentCount: n)
            }
        }
        var rowWeight = rowCounts
        for s in 0..<n {
            var norm: Float = 0
            for k in rowStart[s]..<rowStart[s + 1] {
                let w = (1 + logf(rowCounts[k])) * idf[Int(rowFeature[k])]
                rowWeight[k] = w
                norm += w * w
            }
            if norm > 0 {
                let inverse = 1 / norm.squareRoot()
                for k in rowStart[s]..<rowStart[s + 1] { rowWeight[k] *= inverse }
            }
        }
        var documentVector = [Float](repeating: 0, count: featureCount)
        var norm: Float = 0
        for f in 0..<featureCount where tf[f] > 0 {
            let w = (1 + logf(tf[f])) * idf[f]
            documentVector[f] = w
            norm += w * w
        }
        if norm > 0 {
            let inverse = 1 / norm.squareRoot()
            for f in 0..<featureCount { documentVector[f] *= inverse }
        }
        self.termFrequency = tf
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
        let extractor = NGramExtractor(options: options)
        var counts: [UInt64: Float] = [:]
        extractor.forEachKey(in: text) { counts[$0, default: 0] += 1 }
        guard !counts.isEmpty else { return nil }
        var vector = [Float](repeating: 0, count: featureCount)
        var norm: Float = 0
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {  // fixed order: deterministic sums
            let id = table.value(for: key)
            let weight = (1 + logf(count)) * (id >= 0 ? idf[Int(id)] : (background?.idf(of: key) ?? 1))
            norm += weight * weight
            if id >= 0 { vector[Int(id)] = weight }
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
