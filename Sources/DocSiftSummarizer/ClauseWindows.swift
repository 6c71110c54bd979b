import DocSiftText
import DocSiftFeatures

/// Headline-length gists: windows of exactly the budget's length that start at a clause
/// boundary (a sentence start or just after ，、；：), scored by the cosine of their
/// TF-IDF vector with the rest of the body's (or the whole body's) plus a position prior.
///
/// The windows are scored in one left-to-right sweep: n-gram occurrences enter as the
/// window's end advances and leave as its start advances, and the dot product and norm
/// are updated per occurrence, so the work is linear in the text length.
struct ClauseWindows {
    /// The chosen window: scalar offsets `start..<end` into ``DocumentFeatures/scalars``.
    struct Choice: Equatable {
        var start: Int
        var end: Int
        var score: Double
    }

    /// Whether a window may start at `p`.
    @inline(__always)
    static func isStart(_ p: Int, in s: UnsafeBufferPointer<Unicode.Scalar>, sentenceStarts: UnsafeBufferPointer<Int32>) -> Bool {
        guard p < s.count else { return false }
        if CharacterClasses.isWindowBreak(s[p]) || s[p] == " " { return false }
        if sentenceStarts[p] != 0 { return true }
        guard p > 0 else { return true }
        return CharacterClasses.isClauseBreak(s[p - 1])
    }

    /// Window scoring parameters (from ``SummaryOptions``).
    struct Parameters {
        var positionWeight: Float
        var positionScale: Float
        /// Score = dot / norm^normExponent (1 = cosine; lower favours dense, high-IDF windows).
        var normExponent: Float
        /// Subtracted when the window opens with a short clause (≤ `openerLength` characters
        /// before a comma), e.g. 11日下午， or 据报道，.
        var openerPenalty: Float
        var openerLength: Int
        /// Compare the window with the rest of the document (the document minus the window's
        /// own n-grams) instead of the whole document.
        var againstRest: Bool = false
    }

    /// Length of the clause starting at `p` when it ends in a clause break within `limit` characters.
    static func openerLength(at p: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>, limit: Int) -> Int? {
        var i = p
        while i < scalars.count && i - p <= limit {
            let c = scalars[i]
            if c == "，" || c == "," || c == "：" { return i - p }
            if CharacterClasses.isClauseBreak(c) { return nil }
            i += 1
        }
        return nil
    }

    /// The best window of `length` scalars, or `nil` when the body is empty.
    static func best(in features: DocumentFeatures, length: Int, parameters: Parameters) -> Choice? {
        let total = features.scalars.count
        guard total > 0, length > 0 else { return nil }
        let featureCount = features.featureCount
        // Scratch space (sentence-start marks, the window's counts, whole term frequencies)
        // in one temporary allocation rather than three arrays.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: total + 1 + 2 * featureCount) { scratch in
            scratch.initialize(repeating: 0)
            let starts = UnsafeMutableBufferPointer(rebasing: scratch[0..<(total + 1)])
            let counts = UnsafeMutableBufferPointer(rebasing: scratch[(total + 1)..<(total + 1 + featureCount)])
            let tf = UnsafeMutableBufferPointer(rebasing: scratch[(total + 1 + featureCount)...])
            for s in features.sentenceStarts { starts[s] = 1 }
            for f in 0..<featureCount { tf[f] = Int32(features.termFrequency[f]) }
            return SublinearTF.table.withUnsafeBufferPointer { sublinear in
                features.scalars.withUnsafeBufferPointer { scalars in
                    features.occurrenceStart.withUnsafeBufferPointer { occStart in
                        features.occurrenceFeature.withUnsafeBufferPointer { occFeature in
                            features.occurrenceLength.withUnsafeBufferPointer { occLength in
                                features.idf.withUnsafeBufferPointer { idf in
                                    features.documentVector.withUnsafeBufferPointer { doc in
                                        best(Buffers(sublinear: sublinear, scalars: scalars,
                                                     sentenceStarts: UnsafeBufferPointer(starts),
                                                     occStart: occStart, occFeature: occFeature, occLength: occLength,
                                                     idf: idf, doc: doc, tf: UnsafeBufferPointer(tf), counts: counts),
                                             options: features.options, length: length, parameters: parameters)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The arrays the sweep reads (and the window's counts, zero at the start), as raw buffers.
    private struct Buffers {
        let sublinear: UnsafeBufferPointer<Float>
        let scalars: UnsafeBufferPointer<Unicode.Scalar>
        /// 1 where a sentence starts.
        let sentenceStarts: UnsafeBufferPointer<Int32>
        let occStart: UnsafeBufferPointer<Int32>
        let occFeature: UnsafeBufferPointer<Int32>
        let occLength: UnsafeBufferPointer<UInt8>
        let idf: UnsafeBufferPointer<Float>
        let doc: UnsafeBufferPointer<Float>
        /// Whole term frequencies.
        let tf: UnsafeBufferPointer<Int32>
        let counts: UnsafeMutableBufferPointer<Int32>

        /// The sublinear TF-IDF weight of `count` occurrences of feature `f`.
        @inline(__always)
        func weight(_ f: Int, _ count: Int32) -> Double {
            Double(SublinearTF.weight(whole: count, table: sublinear) * idf[f])
        }
    }

    private static func best(_ b: Buffers, options: NGramOptions, length: Int, parameters: Parameters) -> Choice? {
        let positionWeight = parameters.positionWeight, positionScale = parameters.positionScale
        let total = b.scalars.count
        let minLength = options.minLength, maxLength = max(options.minLength, options.maxLength)
        var dot = 0.0, squares = 0.0
        var windowStart = 0, windowEnd = 0
        var best: Choice?

        let againstRest = parameters.againstRest
        // The rest of the document: raw sublinear TF-IDF of (document − window) counts.
        var restSquares = 0.0
        if againstRest {
            for f in 0..<b.tf.count where b.tf[f] > 0 {
                let r = b.weight(f, b.tf[f])
                restSquares += r * r
            }
        }

        @inline(__always) func update(_ occurrence: Int, by delta: Int32) {
            let f = Int(b.occFeature[occurrence])
            let old = b.counts[f]
            let new = old + delta
            b.counts[f] = new
            let oldWeight = b.weight(f, old), newWeight = b.weight(f, new)
            if againstRest {
                let oldRest = b.weight(f, b.tf[f] - old), newRest = b.weight(f, b.tf[f] - new)
                dot += newWeight * newRest - oldWeight * oldRest
                restSquares += newRest * newRest - oldRest * oldRest
            } else {
                dot += (newWeight - oldWeight) * Double(b.doc[f])
            }
            squares += newWeight * newWeight - oldWeight * oldWeight
        }

        // Windows cut short by the end of the text only compete when no full-length one exists.
        let lastFullStart = total - length
        for start in 0..<total where isStart(start, in: b.scalars, sentenceStarts: b.sentenceStarts) {
            if start > lastFullStart && best != nil && lastFullStart >= 0 { break }
            let end = start + min(length, total - start)
            // Enter occurrences ending in [windowEnd, end) that start inside the window.
            while windowEnd < end {
                let p = windowEnd
                for o in Int(b.occStart[p])..<Int(b.occStart[p + 1]) where p - Int(b.occLength[o]) + 1 >= windowStart {
                    update(o, by: 1)
                }
                windowEnd += 1
            }
            // Drop occurrences starting in [windowStart, start) that ended inside the window.
            while windowStart < start {
                let q = windowStart
                // Occurrences starting at q end at q + len - 1: look them up by end position.
                for len in minLength...maxLength {
                    let p = q + len - 1
                    guard p < windowEnd else { break }
                    let o = Int(b.occStart[p]) + (len - minLength)
                    if o < Int(b.occStart[p + 1]) && Int(b.occLength[o]) == len { update(o, by: -1) }
                }
                windowStart += 1
            }
            var cosine = squares > 0 ? dot / pow(squares, 0.5 * Double(parameters.normExponent)) : 0
            if againstRest { cosine = restSquares > 1e-12 ? cosine / restSquares.squareRoot() : 0 }
            let prior = Double(positionWeight) / (1 + Double(start) / Double(max(positionScale, 1)))
            var score = cosine + prior
            if parameters.openerPenalty != 0,
               openerLength(at: start, in: b.scalars, limit: parameters.openerLength) != nil {
                score -= Double(parameters.openerPenalty)
            }
            if let current = best, score <= current.score + 1e-12 { continue }
            best = Choice(start: start, end: end, score: score)
        }
        return best
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
