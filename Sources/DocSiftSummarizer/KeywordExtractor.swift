import DocSiftFeatures
import DocSiftText

/// Key phrases from character n-grams, without a word dictionary.
///
/// Candidates are substrings of 2–6 letters or digits (never across punctuation). A
/// candidate that always occurs inside the same longer candidate is merged into it (only
/// "closed" substrings survive: overlapping, adjacent n-grams become the longest phrase),
/// and phrases may not start or end with a function character (的, 了, 在, …). Each is
/// scored by `(1 + ln count) · mean IDF of its character bigrams · √length` with IDF from
/// the background corpus, so characteristic repeated phrases rank first. Phrases are
/// taken best first, skipping any that shares three characters in a row with one already taken.
struct KeywordExtractor {
    /// Shortest and longest phrase, in characters.
    let minimumLength = 2
    let maximumLength = 6

    /// Characters a phrase may not start or end with.
    static let functionCharacterList = "的了在是和与对为等及也就都而并将把被从向以于着之其这那个有我你他她它们又或但所让由到说"
    /// Membership by scalar value over the CJK block (no hashing in the loop).
    static let functionCharacterTable: [Bool] = {
        var table = [Bool](repeating: false, count: 0xA000 - 0x4E00)
        for scalar in functionCharacterList.unicodeScalars { table[Int(scalar.value) - 0x4E00] = true }
        return table
    }()

    @inline(__always)
    static func isFunctionCharacter(_ value: UInt32) -> Bool {
        value >= 0x4E00 && value < 0xA000 && functionCharacterTable[Int(value) - 0x4E00]
    }

    func keywords(in features: DocumentFeatures, count: Int, background: BackgroundIDF?) -> [Keyword] {
        guard count > 0 else { return [] }
        let scalars = features.scalars
        let total = scalars.count
        guard total >= minimumLength else { return [] }
        // Token values (0 for separators and sentence boundaries).
        var token = [UInt32](repeating: 0, count: total)
        for p in 0..<total {
            let v = scalars[p].value
            token[p] = v >= 0x4E00 && v <= 0x9FFF ? v : NGramExtractor.tokenValue(scalars[p], foldsDigits: false) ?? 0
        }
        // Bigram IDF of each position (bigram ending at p), local features first.
        var bigramIDF = [Float](repeating: 0, count: total)
        // Occurrences in the body of the bigram ending at p (digits folded: an upper bound).
        var bigramCount = [Float](repeating: 0, count: total + 1)
        let fallbackIDF = background?.unseenIDF ?? 1
        let minLength = features.options.minLength, maxLength = features.options.maxLength
        var missing: [Int] = []
        for p in 1..<total where token[p] != 0 && token[p - 1] != 0 {
            // The bigram ending at p is one of the body's own occurrences when bigrams are
            // counted (and it lies within one sentence).
            if minLength <= 2 && maxLength >= 2 {
                let o = Int(features.occurrenceStart[p]) + (2 - minLength)
                if o < Int(features.occurrenceStart[p + 1]) && features.occurrenceLength[o] == 2 {
                    let local = Int(features.occurrenceFeature[o])
                    bigramIDF[p] = features.idf[local]
                    bigramCount[p] = features.termFrequency[local]
                    continue
                }
            }
            missing.append(p)
        }
        if !missing.isEmpty {
            // The other bigrams' keys, from the n-gram kernel over the whole body.
            var bigramKey = [UInt64](repeating: 0, count: total)
            let bigrams = NGramExtractor(options: NGramOptions.bigrams(foldingDigits: features.options.foldsDigits))
            bigrams.forEachOccurrence(in: scalars) { key, _, end in bigramKey[end - 1] = key }
            for p in missing {
                let key = bigramKey[p]
                if let local = features.table.index(of: key) {
                    bigramIDF[p] = features.idf[Int(local)]
                    bigramCount[p] = features.termFrequency[Int(local)]
                } else {
                    bigramIDF[p] = background?.idf(of: key) ?? fallbackIDF
                }
            }
        }
        // Count the candidate substrings by hash: only repeated ones when the body repeats
        // bigrams (every bigram of a repeated substring repeats), else short ones of any count.
        var counted = countCandidates(features, token: token, bigramCount: bigramCount, repeatedOnly: true)
        if !counted.candidates.contains(where: { $0.count >= 2 }) {
            counted = countCandidates(features, token: token, bigramCount: bigramCount, repeatedOnly: false)
        }
        let (candidates, closed) = counted
        let repeated = candidates.contains { $0.count >= 2 }
        var scored: [(candidate: Candidate, score: Float, index: Int)] = []
        for (i, c) in candidates.enumerated() where closed[i] {
            if repeated && c.count < 2 { continue }
            if !repeated && c.length > 4 { continue }  // unrepeated: short n-grams only
            if c.length > maximumLength { continue }
            let first = c.start, last = c.start + c.length - 1
            if KeywordExtractor.isFunctionCharacter(token[first]) || KeywordExtractor.isFunctionCharacter(token[last]) { continue }
            // Never start or end inside a run of Latin letters or digits (1信用卡 of 51信用卡).
            if first > 0, token[first] < 0x80, token[first - 1] != 0, token[first - 1] < 0x80 { continue }
            if last + 1 < total, token[last] < 0x80, token[last + 1] != 0, token[last + 1] < 0x80 { continue }
            if (first...last).allSatisfy({ token[$0] >= 0x30 && token[$0] <= 0x39 }) { continue }  // a bare number
            var idfSum: Float = 0
            for k in (c.start + 1)..<(c.start + c.length) { idfSum += bigramIDF[k] }
            let meanIDF = idfSum / Float(c.length - 1)
            let score = SublinearTF.weight(c.count) * meanIDF * Float(c.length).squareRoot()
            scored.append((c, score, scored.count))
        }
        // Best score first, then earliest start, then first found (a total order).
        var best = BestFirst(scored) {
            $0.score != $1.score ? $0.score > $1.score
                : $0.candidate.start != $1.candidate.start ? $0.candidate.start < $1.candidate.start : $0.index < $1.index
        }
        var chosen: [(scalars: [Unicode.Scalar], score: Float)] = []
        while let entry = best.next() {
            if chosen.count >= count { break }
            let text = Array(scalars[entry.candidate.start..<(entry.candidate.start + entry.candidate.length)])
            if chosen.contains(where: { $0.scalars.contains(text) || text.contains($0.scalars) || $0.scalars.sharesTrigram(with: text) }) {
                continue
            }
            chosen.append((text, entry.score))
        }
        return chosen.map { Keyword(text: ScalarText.string($0.scalars), score: $0.score) }
    }

    struct Candidate {
        var start: Int
        var length: Int
        var count: Int
    }

    /// The candidate substrings (2…maximumLength + 1 letters or digits, within one sentence)
    /// with their counts, and whether each is closed (no one-character extension occurs as
    /// often). With `repeatedOnly`, substrings containing a bigram seen once are skipped.
    private func countCandidates(_ features: DocumentFeatures, token: [UInt32], bigramCount: [Float],
                       repeatedOnly: Bool) -> (candidates: [Candidate], closed: [Bool]) {
        let total = token.count
        var candidates: [Candidate] = []
        // at[p * stride + length] = candidate index of the substring of `length` starting at p.
        // One character longer than a phrase may be, so that closure sees past the limit.
        let longest = maximumLength + 1
        let stride = longest + 1
        var at = [Int32](repeating: -1, count: (total + 1) * stride)
        // Sentences end in punctuation, but a sentence cut short might not: never cross a start.
        var boundary = [Bool](repeating: false, count: total + 1)
        for start in features.sentenceStarts where start <= total { boundary[start] = true }
        // Each substring's hash, where it starts and its length, then their indices in one
        // batch (first seen, first numbered) from a table sized for all of them.
        var hashes: [UInt64] = [], starts: [Int] = [], lengths: [UInt8] = []
        hashes.reserveCapacity(2 * total)
        starts.reserveCapacity(2 * total)
        lengths.reserveCapacity(2 * total)
        for p in 0..<total where token[p] != 0 {
            var h = FNV1a64.step(FNV1a64.offsetBasis, UInt64(token[p]))
            var length = 1
            while length < longest && p + length < total && token[p + length] != 0 && !boundary[p + length] {
                if repeatedOnly && bigramCount[p + length] < 2 { break }
                h = FNV1a64.step(h, UInt64(token[p + length]))
                length += 1
                hashes.append(h ^ UInt64(length))
                starts.append(p)
                lengths.append(UInt8(truncatingIfNeeded: length))
            }
        }
        var index = KeyIndexTable(expectedCount: hashes.count)
        let indices = index.indices(inserting: hashes)
        candidates.reserveCapacity(index.count)
        for k in indices.indices {
            let i = Int(indices[k]), start = starts[k], length = Int(lengths[k])
            if i == candidates.count {
                candidates.append(Candidate(start: start, length: length, count: 1))
            } else {
                candidates[i].count += 1
            }
            at[start * stride + length] = Int32(i)
        }
        var closed = [Bool](repeating: true, count: candidates.count)
        for c in candidates where c.length > minimumLength {
            // Its two (length − 1) sub-strings are not closed when they never occur elsewhere.
            let prefix = Int(at[c.start * stride + c.length - 1])
            let suffix = Int(at[(c.start + 1) * stride + c.length - 1])
            if prefix >= 0, candidates[prefix].count == c.count { closed[prefix] = false }
            if suffix >= 0, candidates[suffix].count == c.count { closed[suffix] = false }
        }
        return (candidates, closed)
    }
}

extension Array where Element == Unicode.Scalar {
    /// Whether the two share a run of three characters.
    func sharesTrigram(with other: [Unicode.Scalar]) -> Bool {
        guard count >= 3, other.count >= 3 else { return false }
        for i in 0...(count - 3) where other.contains(Array(self[i..<(i + 3)])) { return true }
        return false
    }

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
