import DocSiftFeatures

/// Picks sentences by maximal marginal relevance: each step takes the sentence with the
/// best `λ·score − (1 − λ)·(max similarity to the chosen ones)` that still fits the
/// budget; near-duplicates (similarity ≥ the duplicate threshold, or identical text) are
/// never taken. With a coverage weight, each step also rewards how much the sentence
/// raises the cosine between the chosen set (as one text) and the whole document, so the
/// summary covers the document rather than repeating its most central sentence.
///
/// With a character budget and a clause-prefix rule, a sentence too long for the
/// characters left competes with its leading clauses instead (scored on their own); when
/// such a cut sentence wins, it is the last one taken.
struct RedundancyFilter {
    let lambda: Float
    let duplicateSimilarity: Float
    var coverageWeight: Float = 0
    var features: DocumentFeatures? = nil

    /// The outcome: whole sentences, and at most one sentence cut to its leading clauses.
    struct Selection {
        /// Positions of the whole sentences, ascending.
        var whole: [Int]
        /// The cut sentence's position and the number of its leading characters used.
        var cut: (sentence: Int, length: Int)?
    }

    /// The sentences chosen for a budget of `characters` characters and/or `sentences`
    /// sentences. With `clausePrefix`, a sentence that does not fit competes with its
    /// longest clause prefix that does: `clausePrefix(sentence, charactersLeft)` is that
    /// prefix's length and score, or `nil`; `clauseBounds[i]`, when given, is at least the
    /// score of any prefix of sentence `i` (prefixes that cannot win a step are not scored).
    func select(scores: [Float], lengths: [Int], texts: [String], graph: SentenceGraph,
                characters: Int?, sentences: Int?,
                clausePrefix: ((Int, Int) -> (length: Int, score: Float)?)?, clauseBounds: [Float]? = nil) -> Selection {
        // A bound on the score bounds the value only when the value grows with the score alone.
        let bounds = lambda >= 0 && coverageWeight == 0 ? clauseBounds : nil
        let n = scores.count
        var chosen: [Int] = []
        var cut: (sentence: Int, length: Int)?
        var available = [Bool](repeating: true, count: n)
        var maxSimilarity = [Float](repeating: 0, count: n)
        var used = 0
        var coverage = Coverage(features: coverageWeight != 0 ? features : nil)
        while true {
            if let sentences, chosen.count >= sentences { break }
            var bestIndex = -1, bestLength = 0
            var bestValue = -Float.infinity
            for i in 0..<n where available[i] {
                var length = lengths[i]
                var score = scores[i]
                if let characters, used + length > characters {
                    if let bounds, lambda * bounds[i] - (1 - lambda) * maxSimilarity[i] <= bestValue { continue }
                    // Prefixes only shrink as the budget fills: a sentence without one is out for good.
                    guard let clausePrefix, let prefix = clausePrefix(i, characters - used) else {
                        available[i] = false
                        continue
                    }
                    (length, score) = prefix
                }
                var value = lambda * score - (1 - lambda) * maxSimilarity[i]
                if coverageWeight != 0 { value += coverageWeight * coverage.gain(adding: i) }
                if value > bestValue {
                    bestValue = value
                    bestIndex = i
                    bestLength = length
                }
            }
            guard bestIndex >= 0 else { break }
            if bestLength < lengths[bestIndex] {
                cut = (bestIndex, bestLength)  // the budget is spent: nothing reads on after a cut
                break
            }
            chosen.append(bestIndex)
            coverage.add(bestIndex)
            used += bestLength
            available[bestIndex] = false
            for i in 0..<n where available[i] {
                let s = graph(i, bestIndex)
                if s > maxSimilarity[i] { maxSimilarity[i] = s }
                if s >= duplicateSimilarity || texts[i] == texts[bestIndex] { available[i] = false }
            }
        }
        return Selection(whole: chosen.sorted(), cut: cut)
    }
}

/// The cosine between a growing set of sentences (as one text, sublinear TF-IDF) and the document.
struct Coverage {
    let features: DocumentFeatures?
    var counts: [Float]
    var dot = 0.0
    var squares = 0.0

    init(features: DocumentFeatures?) {
        self.features = features
        counts = [Float](repeating: 0, count: features?.featureCount ?? 0)
    }

    var cosine: Double { squares > 0 ? dot / squares.squareRoot() : 0 }

    /// The rise in cosine if sentence `s` joined the set.
    func gain(adding s: Int) -> Float {
        guard let f = features else { return 0 }
        var newDot = dot, newSquares = squares
        for k in f.rowStart[s]..<f.rowStart[s + 1] {
            let feature = Int(f.rowFeature[k])
            let old = counts[feature], new = old + f.rowCount[k]
            let oldWeight = Double(SublinearTF.weight(Int(old)) * f.idf[feature])
            let newWeight = Double(SublinearTF.weight(Int(new)) * f.idf[feature])
            newDot += (newWeight - oldWeight) * Double(f.documentVector[feature])
            newSquares += newWeight * newWeight - oldWeight * oldWeight
        }
        let newCosine = newSquares > 0 ? newDot / newSquares.squareRoot() : 0
        return Float(newCosine - cosine)
    }

    mutating func add(_ s: Int) {
        guard let f = features else { return }
        for k in f.rowStart[s]..<f.rowStart[s + 1] {
            let feature = Int(f.rowFeature[k])
            let old = counts[feature], new = old + f.rowCount[k]
            let oldWeight = Double(SublinearTF.weight(Int(old)) * f.idf[feature])
            let newWeight = Double(SublinearTF.weight(Int(new)) * f.idf[feature])
            dot += (newWeight - oldWeight) * Double(f.documentVector[feature])
            squares += newWeight * newWeight - oldWeight * oldWeight
            counts[feature] = new
        }
    }
}

