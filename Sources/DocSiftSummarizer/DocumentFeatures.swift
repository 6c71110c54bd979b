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
    /// The key table mapping n-gram keys to local ids.
    let table: KeyTable
    let options: NGramOptions

    var sentenceCount: Int { sentenceStarts.count - 1 }

    /// The features of `sentences`. Sentence vectors (the CSR rows) are built only when
    /// `sentenceVectors` is true: clause-window gists and keywords do without them.
    init(sentences: [[Unicode.Scalar]], options: NGramOptions, background: BackgroundIDF?, sentenceVectors: Bool = true) {
        self.options = options
        let n = sentences.count
        var total = 0
        for sentence in sentences { total += sentence.count }
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

        // Occurrences: at most (maxLength − minLength + 1) per position, so the arrays are
        // allocated once at that size and cut to what was found.
        let minLength = options.minLength, maxLength = options.maxLength
        let perPosition = max(0, maxLength - minLength + 1)
        let capacity = total * perPosition
        var table = KeyTable(expectedCount: max(16, total + total / 2))
        var keys = [UInt64](repeating: 0, count: capacity)
        var occStart = [Int32](repeating: 0, count: total + 1)
        var occFeature = [Int32](repeating: 0, count: capacity)
        var occLength = [UInt8](repeating: 0, count: capacity)
        var occurrences = 0, featureCount = 0
        let folds = options.foldsDigits
        var recent = [UInt32](repeating: 0, count: maxLength)
        // Extraction state, kept across pauses to grow the key table.
        var s = 0, p = 0, run = 0
        var window: UInt64 = 0
        scalars.withUnsafeBufferPointer { text in
            occStart.withUnsafeMutableBufferPointer { occStart in
                occFeature.withUnsafeMutableBufferPointer { occFeature in
                    occLength.withUnsafeMutableBufferPointer { occLength in
                        keys.withUnsafeMutableBufferPointer { keys in
                            while true {
                                let finished = table.withInserter { inserter -> Bool in
                                    while s < n {
                                        let end = starts[s + 1]
                                        while p < end {
                                            if !inserter.hasRoom(for: perPosition) { return false }
                                            occStart[p] = Int32(occurrences)
                                            let scalar = text[p]
                                            p += 1
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
                                                let id = inserter.valueInserting(key, next: Int32(featureCount))
                                                if Int(id) == featureCount {
                                                    keys[featureCount] = key
                                                    featureCount += 1
                                                }
                                                occFeature[occurrences] = id
                                                occLength[occurrences] = UInt8(len)
                                                occurrences += 1
                                            }
                                        }
                                        s += 1
                                        run = 0
                                        window = 0
                                    }
                                    return true
                                }
                                if finished { break }
                                table.grow()
                            }
                        }
                    }
                }
            }
        }
        occStart[total] = Int32(occurrences)
        keys.removeLast(capacity - featureCount)
        occFeature.removeLast(capacity - occurrences)
        occLength.removeLast(capacity - occurrences)
        self.featureCount = featureCount
        self.keys = keys
        self.table = table
        self.occurrenceStart = occStart
        self.occurrenceFeature = occFeature
        self.occurrenceLength = occLength

        // Term frequencies.
        // Whole counts until the weights: 1 + ln(count) then comes from a table.
        var tfCount = [Int32](repeating: 0, count: featureCount)
        occFeature.withUnsafeBufferPointer { occFeature in
            tfCount.withUnsafeMutableBufferPointer { tf in
                for o in 0..<occurrences { tf[Int(occFeature[o])] += 1 }
            }
        }
        let tf = tfCount.map { Float($0) }
        // Sentence frequencies and vectors (a sentence's features in first-occurrence order,
        // counted in a scratch array that is zero between sentences); each entry's weight
        // starts as 1 + ln(count) and is multiplied by the IDF below.
        let rows = sentenceVectors || background == nil
        var sf = [Int32](repeating: 0, count: rows ? featureCount : 0)
        var scratch = [Int32](repeating: 0, count: rows ? featureCount : 0)
        var rowStart = [Int](repeating: 0, count: rows ? n + 1 : 0)
        var rowFeature = [Int32](repeating: 0, count: rows ? occurrences : 0)
        var rowCounts = [Float](repeating: 0, count: rows ? occurrences : 0)
        var rowWeight = [Float](repeating: 0, count: rows ? occurrences : 0)
        var entries = 0
        if rows {
            SublinearTF.table.withUnsafeBufferPointer { sublinear in
                occFeature.withUnsafeBufferPointer { occFeature in
                    sf.withUnsafeMutableBufferPointer { sf in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            rowFeature.withUnsafeMutableBufferPointer { rowFeature in
                                rowCounts.withUnsafeMutableBufferPointer { rowCounts in
                                    rowWeight.withUnsafeMutableBufferPointer { rowWeight in
                                        for s in 0..<n {
                                            let first = entries
                                            for o in Int(occStart[starts[s]])..<Int(occStart[starts[s + 1]]) {
                                                let f = Int(occFeature[o])
                                                if scratch[f] == 0 {
                                                    rowFeature[entries] = Int32(f)
                                                    entries += 1
                                                }
                                                scratch[f] += 1
                                            }
                                            for k in first..<entries {
                                                let f = Int(rowFeature[k])
                                                let c = scratch[f]
                                                rowCounts[k] = Float(c)
                                                rowWeight[k] = SublinearTF.weight(whole: c, table: sublinear)
                                                sf[f] += 1
                                                scratch[f] = 0
                                            }
                                            rowStart[s + 1] = entries
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            rowFeature.removeLast(rowFeature.count - entries)
            rowCounts.removeLast(rowCounts.count - entries)
            rowWeight.removeLast(rowWeight.count - entries)
        }
        var idf = [Float](repeating: 1, count: featureCount)
        if let background {
            keys.withUnsafeBufferPointer { keys in
                idf.withUnsafeMutableBufferPointer { background.idf(of: keys, into: $0) }
            }
        } else {
            // Sentence frequencies are at most n: one logarithm per distinct value.
            var bySentenceFrequency = [Float](repeating: .nan, count: n + 1)
            for f in 0..<featureCount {
                let frequency = Int(sf[f])
                if bySentenceFrequency[frequency].isNaN {
                    bySentenceFrequency[frequency] = DocumentFrequencies.smoothIDF(documentFrequency: frequency, documentCount: n)
                }
                idf[f] = bySentenceFrequency[frequency]
            }
        }
        var documentVector = [Float](repeating: 0, count: featureCount)
        SublinearTF.table.withUnsafeBufferPointer { sublinear in
            idf.withUnsafeBufferPointer { idf in
                rowFeature.withUnsafeBufferPointer { rowFeature in
                    rowWeight.withUnsafeMutableBufferPointer { rowWeight in
                        for s in 0..<(rowStart.isEmpty ? 0 : n) {
                            var norm: Float = 0
                            for k in rowStart[s]..<rowStart[s + 1] {
                                let w = rowWeight[k] * idf[Int(rowFeature[k])]
                                rowWeight[k] = w
                                norm += w * w
                            }
                            if norm > 0 {
                                let inverse = 1 / norm.squareRoot()
                                for k in rowStart[s]..<rowStart[s + 1] { rowWeight[k] *= inverse }
                            }
                        }
                    }
                }
                documentVector.withUnsafeMutableBufferPointer { documentVector in
                    var norm: Float = 0
                    for f in 0..<featureCount where tfCount[f] > 0 {
                        let w = SublinearTF.weight(whole: tfCount[f], table: sublinear) * idf[f]
                        documentVector[f] = w
                        norm += w * w
                    }
                    if norm > 0 {
                        let inverse = 1 / norm.squareRoot()
                        for f in 0..<featureCount { documentVector[f] *= inverse }
                    }
                }
            }
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
        // The keys sorted (a fixed order: deterministic sums), each with its count.
        var keys = NGramExtractor(options: options).keys(in: text)
        guard !keys.isEmpty else { return nil }
        keys.sort()
        var counted: [(key: UInt64, count: Float)] = []
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
