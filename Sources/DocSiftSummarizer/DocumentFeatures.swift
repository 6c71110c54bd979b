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
    /// Sentence vectors in CSR form: row `i` is `rowStart[i]..<rowStart[i + 1]`.
    let rowStart: [Int]
    let rowFeature: [Int32]
    let rowWeight: [Float]
    /// The whole body's normalized TF-IDF weights, dense over local features.
    let documentVector: [Float]
    /// The key table mapping n-gram keys to local ids.
    let table: KeyTable
    let options: NGramOptions

    var sentenceCount: Int { sentenceStarts.count - 1 }

    init(sentences: [String], options: NGramOptions, background: BackgroundIDF?) {
        self.options = options
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = [0]
        for sentence in sentences {
            scalars.append(contentsOf: sentence.unicodeScalars)
            starts.append(scalars.count)
        }
        self.scalars = scalars
        self.sentenceStarts = starts
        let n = sentences.count

        var table = KeyTable(expectedCount: max(16, scalars.count * 2))
        var keys: [UInt64] = []
        var occStart = [Int32](repeating: 0, count: scalars.count + 1)
        var occFeature: [Int32] = []
        var occLength: [UInt8] = []
        occFeature.reserveCapacity(scalars.count * 3)
        occLength.reserveCapacity(scalars.count * 3)
        let minLength = options.minLength, maxLength = options.maxLength
        let folds = options.foldsDigits
        var recent = [UInt32](repeating: 0, count: maxLength)
        for s in 0..<n {
            var run = 0
            var window: UInt64 = 0
            for p in starts[s]..<starts[s + 1] {
                occStart[p] = Int32(occFeature.count)
                guard let value = NGramExtractor.tokenValue(scalars[p], foldsDigits: folds) else {
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
            touched.sort()
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
        self.documentVector = documentVector
    }

    /// Cosine of sentence `s` with the whole body.
    func documentSimilarity(ofSentence s: Int) -> Float {
        var sum: Float = 0
        for k in rowStart[s]..<rowStart[s + 1] { sum += rowWeight[k] * documentVector[Int(rowFeature[k])] }
        return sum
    }

    /// The normalized TF-IDF vector of `text` over the local features (n-grams the body
    /// lacks are ignored for direction but count toward the norm), as (feature, weight) pairs.
    func vector(of text: String, background: BackgroundIDF?) -> [(Int32, Float)] {
        let extractor = NGramExtractor(options: options)
        var counts: [UInt64: Float] = [:]
        extractor.forEachKey(in: text) { counts[$0, default: 0] += 1 }
        var pairs: [(Int32, Float)] = []
        var norm: Float = 0
        for (key, count) in counts {
            let id = table.value(for: key)
            let weight = (1 + logf(count)) * (id >= 0 ? idf[Int(id)] : (background?.idf(of: key) ?? 1))
            norm += weight * weight
            if id >= 0 { pairs.append((id, weight)) }
        }
        guard norm > 0 else { return [] }
        let inverse = 1 / norm.squareRoot()
        return pairs.map { ($0.0, $0.1 * inverse) }.sorted { $0.0 < $1.0 }
    }

    /// Dot product of sentence `s` with a sparse vector over local features (sorted by feature).
    func dot(sentence s: Int, _ vector: [(Int32, Float)]) -> Float {
        var i = rowStart[s], j = 0, sum: Float = 0
        let end = rowStart[s + 1]
        while i < end && j < vector.count {
            let a = rowFeature[i], b = vector[j].0
            if a == b { sum += rowWeight[i] * vector[j].1; i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
        }
        return sum
    }
}
