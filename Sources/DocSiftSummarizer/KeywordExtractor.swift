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
        var candidates: [Int] = []
        for f in 0..<features.featureCount where length[f] >= 2 {
            // Sublinear frequency; a repeated n-gram matters more than a rare one alone.
            score[f] = (1 + logf(features.termFrequency[f])) * features.idf[f] * (1 + 0.1 * Float(length[f]))
            candidates.append(f)
        }
        candidates.sort { score[$0] != score[$1] ? score[$0] > score[$1] : features.keys[$0] < features.keys[$1] }
        let top = Array(candidates.prefix(max(8, count * 4)))
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
        var phraseScore: [String: Float] = [:]
        var phraseCount: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
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
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[from..<to])
                let text = String(view)
                phraseScore[text] = max(phraseScore[text] ?? 0, runScore)
                phraseCount[text, default: 0] += 1
                if firstSeen[text] == nil { firstSeen[text] = from }
            }
            p = q
        }
        var ranked = phraseScore.map { (text: $0.key, score: $0.value * (1 + 0.5 * logf(Float(phraseCount[$0.key] ?? 1)))) }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : (firstSeen[$0.text] ?? 0) < (firstSeen[$1.text] ?? 0) }
        var chosen: [Keyword] = []
        for candidate in ranked {
            if chosen.count >= count { break }
            if chosen.contains(where: { $0.text.contains(candidate.text) || candidate.text.contains($0.text) }) { continue }
            chosen.append(Keyword(text: candidate.text, score: candidate.score))
        }
        return chosen
    }
}
