#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Key phrases: character n-grams (two characters or more) scored by TF-IDF against the
/// background, the best ones marked where they occur, and each maximal marked run of
/// text taken as a phrase, so that overlapping and adjacent n-grams merge into the
/// longest phrase. No phrase returned is contained in another.
struct KeywordExtractor {
    /// Longest phrase kept; longer runs fall back to their best n-gram.
    let maximumPhraseLength = 8

    func keywords(in features: DocumentFeatures, count: Int) -> [Keyword] {
        guard count > 0, features.featureCount > 0 else { return [] }
        let scalars = features.scalars
        let total = scalars.count
        // Length of each feature and its score.
        var length = [UInt8](repeating: 0, count: features.featureCount)
        for o in 0..<features.occurrenceFeature.count {
            length[Int(features.occurrenceFeature[o])] = features.occurrenceLength[o]
        }
        var score = [Float](repeating: 0, count: features.featureCount)
        // The best `limit` n-grams of two characters or more, kept sorted (best first) by insertion.
        let limit = max(8, count * 4)
        var top: [Int] = []
        top.reserveCapacity(limit + 1)
        func better(_ a: Int, _ b: Int) -> Bool {
            score[a] != score[b] ? score[a] > score[b] : features.keys[a] < features.keys[b]
        }
        for f in 0..<features.featureCount where length[f] >= 2 {
            // Sublinear frequency; a repeated n-gram matters more than a rare one alone.
            score[f] = (1 + logf(features.termFrequency[f])) * features.idf[f] * (1 + 0.1 * Float(length[f]))
            if top.count == limit, let last = top.last, !better(f, last) { continue }
            var i = top.count
            while i > 0 && better(f, top[i - 1]) { i -= 1 }
            top.insert(f, at: i)
            if top.count > limit { top.removeLast() }
        }
        guard !top.isEmpty else { return [] }
        var isTop = [Bool](repeating: false, count: features.featureCount)
        for f in top { isTop[f] = true }
        // Mark the characters covered by occurrences of top n-grams; remember the best n-gram per run.
        var covered = [Bool](repeating: false, count: total)
        var bestEndingAt = [Int32](repeating: -1, count: total)
        for p in 0..<total {
            for o in Int(features.occurrenceStart[p])..<Int(features.occurrenceStart[p + 1]) {
                let f = Int(features.occurrenceFeature[o])
                guard isTop[f] else { continue }
                let len = Int(features.occurrenceLength[o])
                for q in (p - len + 1)...p { covered[q] = true }
                if bestEndingAt[p] < 0 || score[f] > score[Int(features.occurrenceFeature[Int(bestEndingAt[p])])] {
                    bestEndingAt[p] = Int32(o)
                }
            }
        }
        // Phrases: maximal covered runs (n-grams never span punctuation, so neither do runs).
        var phrases: [Phrase] = []
        var phraseByHash: [UInt64: Int] = [:]
        var p = 0
        while p < total {
            guard covered[p] else { p += 1; continue }
            var q = p
            var runScore: Float = 0
            var bestOccurrence = -1
            var bestEnd = p
            while q < total && covered[q] {
                if bestEndingAt[q] >= 0 {
                    let o = Int(bestEndingAt[q])
                    let f = Int(features.occurrenceFeature[o])
                    if q - Int(features.occurrenceLength[o]) + 1 >= p {
                        runScore = max(runScore, score[f])
                        if bestOccurrence < 0 || score[f] > score[Int(features.occurrenceFeature[bestOccurrence])] {
                            bestOccurrence = o
                            bestEnd = q
                        }
                    }
                }
                q += 1
            }
            var from = p, to = q
            if to - from > maximumPhraseLength, bestOccurrence >= 0 {
                from = bestEnd - Int(features.occurrenceLength[bestOccurrence]) + 1
                to = bestEnd + 1
            }
            if to - from >= 2 {
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for k in from..<to { hash = (hash ^ UInt64(scalars[k].value)) &* 0x0000_0100_0000_01B3 }
                if let index = phraseByHash[hash], phrases[index].scalars.elementsEqual(scalars[from..<to]) {
                    phrases[index].count += 1
                    phrases[index].score = max(phrases[index].score, runScore)
                } else if phraseByHash[hash] == nil {
                    phraseByHash[hash] = phrases.count
                    phrases.append(Phrase(scalars: Array(scalars[from..<to]), score: runScore, count: 1, first: from))
                }
            }
            p = q
        }
        for i in phrases.indices { phrases[i].score *= 1 + 0.5 * logf(Float(phrases[i].count)) }
        phrases.sort { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
        var chosen: [Phrase] = []
        for candidate in phrases {
            if chosen.count >= count { break }
            if chosen.contains(where: { $0.scalars.contains(candidate.scalars) || candidate.scalars.contains($0.scalars) }) { continue }
            chosen.append(candidate)
        }
        return chosen.map { phrase in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: phrase.scalars)
            return Keyword(text: String(view), score: phrase.score)
        }
    }

    private struct Phrase {
        var scalars: [Unicode.Scalar]
        var score: Float
        var count: Int
        var first: Int
    }
}

extension Array where Element == Unicode.Scalar {
    /// Whether `other` occurs in `self` as a contiguous run.
    func contains(_ other: [Unicode.Scalar]) -> Bool {
        guard !other.isEmpty else { return true }
        guard other.count <= count else { return false }
        for i in 0...(count - other.count) where self[i] == other[0] {
            if self[i..<(i + other.count)].elementsEqual(other) { return true }
        }
        return false
    }
}
