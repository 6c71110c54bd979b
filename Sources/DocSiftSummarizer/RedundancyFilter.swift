/// Picks sentences by maximal marginal relevance: each step takes the sentence with the
/// best `λ·score − (1 − λ)·(max similarity to the chosen ones)` that still fits the
/// budget; near-duplicates (similarity ≥ the duplicate threshold, or identical text) are
/// never taken.
struct RedundancyFilter {
    let lambda: Float
    let duplicateSimilarity: Float

    /// Chosen sentence positions (ascending) for a budget of `characters` characters
    /// and/or `sentences` sentences.
    func select(scores: [Float], lengths: [Int], texts: [String], graph: SentenceGraph,
                characters: Int?, sentences: Int?) -> [Int] {
        let n = scores.count
        var chosen: [Int] = []
        var available = [Bool](repeating: true, count: n)
        var maxSimilarity = [Float](repeating: 0, count: n)
        var used = 0
        while true {
            if let sentences, chosen.count >= sentences { break }
            var bestIndex = -1
            var bestValue = -Float.infinity
            for i in 0..<n where available[i] {
                if let characters, used + lengths[i] > characters {
                    available[i] = false
                    continue
                }
                let value = lambda * scores[i] - (1 - lambda) * maxSimilarity[i]
                if value > bestValue {
                    bestValue = value
                    bestIndex = i
                }
            }
            guard bestIndex >= 0 else { break }
            chosen.append(bestIndex)
            used += lengths[bestIndex]
            available[bestIndex] = false
            for i in 0..<n where available[i] {
                let s = graph(i, bestIndex)
                if s > maxSimilarity[i] { maxSimilarity[i] = s }
                if s >= duplicateSimilarity || texts[i] == texts[bestIndex] { available[i] = false }
            }
        }
        return chosen.sorted()
    }
}
