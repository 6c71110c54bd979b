/// Every n-gram occurrence of a text made of runs (e.g. sentences: no n-gram spans two),
/// grouped by where it ends: the occurrence-level view of the n-gram kernel that the
/// summarizer and keyword extractor read (key, length and end of each occurrence).
public struct NGramOccurrences: Sendable, Equatable {
    /// Occurrences whose last character is at scalar offset `p` (counted over all runs)
    /// are `starts[p]..<starts[p + 1]`, shortest first (one entry per scalar, plus the end).
    public let starts: [Int32]
    /// The key of each occurrence.
    public let keys: [UInt64]
    /// The length in characters of each occurrence.
    public let lengths: [UInt8]

    /// Number of occurrences.
    public var count: Int { keys.count }
}

extension NGramExtractor {
    /// The n-gram occurrences of `runs`, one run after another (the same keys as
    /// ``forEachOccurrence(in:_:)`` on each run). At most `Int32.max` occurrences are kept.
    public func occurrences(inRuns runs: [[Unicode.Scalar]]) -> NGramOccurrences {
        let minLength = options.minLength, maxLength = options.maxLength
        // At most min(i, maxLength) − minLength + 1 n-grams end at a run's i-th character.
        var total = 0, bound = 0
        for run in runs {
            total += run.count
            let packed = min(run.count, maxLength)
            if packed >= minLength { bound += (packed - minLength + 1) * (packed - minLength + 2) / 2 }
            bound += max(0, run.count - maxLength) * (maxLength - minLength + 1)
        }
        let limit = min(bound, Int(Int32.max))
        var starts = [Int32](repeating: 0, count: total + 1)
        var keys = [UInt64](repeating: 0, count: limit)
        var lengths = [UInt8](repeating: 0, count: limit)
        var cutter = NGramCutter(options: options)
        var written = 0
        // Raw writes, each checked against `limit` (and `total` by construction: one start per scalar).
        starts.withUnsafeMutableBufferPointer { starts in
            keys.withUnsafeMutableBufferPointer { keys in
                lengths.withUnsafeMutableBufferPointer { lengths in
                    var p = 0
                    for run in runs {
                        cutter.endRun()
                        for scalar in run {
                            starts[p] = Int32(truncatingIfNeeded: written)
                            p &+= 1
                            let longest = cutter.advance(entry(of: scalar))
                            var n = minLength
                            while n <= longest && written < limit {
                                keys[written] = cutter.key(length: n)
                                lengths[written] = UInt8(truncatingIfNeeded: n)
                                written &+= 1
                                n &+= 1
                            }
                        }
                    }
                    starts[p] = Int32(truncatingIfNeeded: written)
                }
            }
        }
        keys.removeLast(limit - written)
        lengths.removeLast(limit - written)
        return NGramOccurrences(starts: starts, keys: keys, lengths: lengths)
    }
}
