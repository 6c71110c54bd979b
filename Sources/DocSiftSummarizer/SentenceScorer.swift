import DocSiftFeatures

/// The relevance of each body sentence, and of a sentence's leading clauses: graph
/// centrality (normalized to a maximum of 1), cosine with the whole body, a position prior
/// `1 / (1 + index / positionScale)` (weighted more in long documents, see
/// ``SummaryOptions/positionGrowth``), cosine with the title and a length prior, weighted
/// by ``SummaryOptions``.
///
/// Leading clauses keep their sentence's centrality and position; their cosines and
/// length prior are those of the clauses themselves.
struct SentenceScorer {
    /// The score of every body sentence.
    let scores: [Float]
    /// For every body sentence, a bound on the score of any of its prefixes: its centrality
    /// and position part plus the largest the cosines and length prior could add.
    let prefixBounds: [Float]
    /// The centrality and position part of each score.
    private let anchored: [Float]
    private let titleVector: [Float]?
    private let features: DocumentFeatures
    private let options: SummaryOptions
    /// Scratch counts per local feature (all zero between calls) and the features touched.
    private var counts: [Float]
    private var touched: [Int32] = []
    /// The last prefix length scored for each sentence (-1: none) and its score.
    private var cachedPrefix: [Int]
    private var cachedScore: [Float]

    init(features: DocumentFeatures, graph: SentenceGraph, lengths: [Int], titleVector: [Float]?, options: SummaryOptions) {
        self.features = features
        self.options = options
        self.titleVector = titleVector
        let n = features.sentenceCount
        let centrality = graph.centrality(damping: options.damping)
        let top = centrality.max() ?? 0
        let start = max(1, options.positionGrowthStart)
        let positionWeight = options.positionWeight
            * (n > start ? 1 + options.positionGrowth * logf(Float(n) / Float(start)) : 1)
        var anchored = [Float](repeating: 0, count: n)
        var scores = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let central = top > 0 ? centrality[i] / top : 0
            let position = 1 / (1 + Float(i) / max(options.positionScale, 1e-3))
            anchored[i] = options.centralityWeight * central + positionWeight * position
            let titleOverlap = titleVector.map { features.dot(sentence: i, $0) } ?? 0
            scores[i] = anchored[i]
                + SentenceScorer.content(documentSimilarity: features.documentSimilarity(ofSentence: i),
                                         titleOverlap: titleOverlap, length: lengths[i], options: options)
        }
        self.anchored = anchored
        self.scores = scores
        // Cosines and the length prior lie in [0, 1] (with a little slack for rounding).
        let most = (max(0, options.documentSimilarityWeight) + (titleVector == nil ? 0 : max(0, options.titleWeight))
            + max(0, options.lengthWeight)) * 1.001
        prefixBounds = anchored.map { $0 + most }
        counts = [Float](repeating: 0, count: features.featureCount)
        cachedPrefix = [Int](repeating: -1, count: n)
        cachedScore = [Float](repeating: 0, count: n)
    }

    /// The similarity, title and length part of a score.
    private static func content(documentSimilarity: Float, titleOverlap: Float, length: Int, options: SummaryOptions) -> Float {
        let preferred = Float(max(1, options.preferredSentenceLength))
        return options.documentSimilarityWeight * documentSimilarity
            + options.titleWeight * titleOverlap
            + options.lengthWeight * min(1, Float(length) / preferred)
    }

    /// The score of the first `length` characters of sentence `i` (remembered per sentence:
    /// the same prefix comes up at every selection step until fewer characters are left).
    mutating func score(sentence i: Int, prefix length: Int) -> Float {
        if cachedPrefix[i] == length { return cachedScore[i] }
        // Sublinear TF-IDF of the prefix's n-gram occurrences, through a scratch count per feature.
        let start = features.sentenceStarts[i]
        let end = min(features.sentenceStarts[i + 1], start + max(0, length))
        let lo = start < end ? Int(features.occurrenceStart[start]) : 0
        let hi = start < end ? Int(features.occurrenceStart[end]) : 0
        var norm: Float = 0, documentDot: Float = 0, titleDot: Float = 0
        for o in lo..<hi {
            let f = Int(features.occurrenceFeature[o])
            if counts[f] == 0 { touched.append(Int32(f)) }
            counts[f] += 1
        }
        for f32 in touched {
            let f = Int(f32)
            let w = SublinearTF.weight(Int(counts[f])) * features.idf[f]
            norm += w * w
            documentDot += w * features.documentVector[f]
            if let titleVector { titleDot += w * titleVector[f] }
            counts[f] = 0
        }
        touched.removeAll(keepingCapacity: true)
        let inverse = norm > 0 ? 1 / norm.squareRoot() : 0
        let score = anchored[i] + SentenceScorer.content(documentSimilarity: documentDot * inverse,
                                                         titleOverlap: titleDot * inverse, length: length, options: options)
        cachedPrefix[i] = length
        cachedScore[i] = score
        return score
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
