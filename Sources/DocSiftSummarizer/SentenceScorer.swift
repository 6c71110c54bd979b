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
    /// The centrality and position part of each score.
    private let anchored: [Float]
    private let titleVector: [Float]?
    private let features: DocumentFeatures
    private let options: SummaryOptions

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
    }

    /// The similarity, title and length part of a score.
    private static func content(documentSimilarity: Float, titleOverlap: Float, length: Int, options: SummaryOptions) -> Float {
        let preferred = Float(max(1, options.preferredSentenceLength))
        return options.documentSimilarityWeight * documentSimilarity
            + options.titleWeight * titleOverlap
            + options.lengthWeight * min(1, Float(length) / preferred)
    }

    /// The score of the first `length` characters of sentence `i`.
    func score(sentence i: Int, prefix length: Int) -> Float {
        let vector = features.prefixVector(sentence: i, length: length)
        var documentSimilarity: Float = 0, titleOverlap: Float = 0
        for (f, w) in zip(vector.features, vector.weights) {
            documentSimilarity += w * features.documentVector[Int(f)]
            if let titleVector { titleOverlap += w * titleVector[Int(f)] }
        }
        return anchored[i] + SentenceScorer.content(documentSimilarity: documentSimilarity, titleOverlap: titleOverlap,
                                                    length: length, options: options)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
