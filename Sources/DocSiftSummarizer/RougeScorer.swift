/// Precision, recall and F1 of one ROUGE variant.
public struct RougeValue: Sendable, Equatable, Codable {
    /// Matched units over hypothesis units.
    public var precision: Double
    /// Matched units over reference units.
    public var recall: Double
    /// Harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double

    /// Creates a value; F1 is derived.
    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
        self.f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    init(overlap: Int, hypothesisCount: Int, referenceCount: Int) {
        self.init(precision: hypothesisCount > 0 ? Double(overlap) / Double(hypothesisCount) : 0,
                  recall: referenceCount > 0 ? Double(overlap) / Double(referenceCount) : 0)
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one hypothesis against one reference.
public struct RougeScores: Sendable, Equatable, Codable {
    /// Character unigram overlap (clipped counts).
    public var rouge1: RougeValue
    /// Character bigram overlap (clipped counts).
    public var rouge2: RougeValue
    /// Longest common subsequence over the whole text.
    public var rougeL: RougeValue
}

/// Character-level ROUGE as the peers' harness computes it: both texts lower-cased,
/// white space and Unicode punctuation (general category P*) removed, each remaining
/// Unicode scalar one unit; ROUGE-1/2 with clipped n-gram counts, ROUGE-L from the LCS
/// of the whole texts; precision, recall and F1.
public struct RougeScorer: Sendable {
    /// Keep punctuation as units (the harness's `--keep-punct`).
    public var keepsPunctuation: Bool

    /// A scorer; punctuation is dropped unless `keepsPunctuation`.
    public init(keepsPunctuation: Bool = false) {
        self.keepsPunctuation = keepsPunctuation
    }

    /// The scores of `hypothesis` against `reference`.
    public func score(hypothesis: String, reference: String) -> RougeScores {
        let h = units(of: hypothesis), r = units(of: reference)
        return RougeScores(
            rouge1: RougeValue(overlap: RougeScorer.clippedOverlap(h, r, n: 1),
                               hypothesisCount: max(h.count, 0), referenceCount: max(r.count, 0)),
            rouge2: RougeValue(overlap: RougeScorer.clippedOverlap(h, r, n: 2),
                               hypothesisCount: max(h.count - 1, 0), referenceCount: max(r.count - 1, 0)),
            rougeL: RougeValue(overlap: RougeScorer.lcsLength(h, r), hypothesisCount: h.count, referenceCount: r.count))
    }

    /// The units ROUGE counts: lower-cased scalars without white space and punctuation.
    public func units(of text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.changesWhenLowercased {
                for lower in properties.lowercaseMapping.unicodeScalars { append(lower, to: &out) }
            } else {
                append(scalar, to: &out)
            }
        }
        return out
    }

    @inline(__always)
    private func append(_ scalar: Unicode.Scalar, to out: inout [UInt32]) {
        let v = scalar.value
        // Python's str.isspace: White_Space plus the ASCII information separators.
        if scalar.properties.isWhitespace || (0x1C...0x1F).contains(v) { return }
        if !keepsPunctuation {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return
            default: break
            }
        }
        out.append(v)
    }

    /// Σ min(count in a, count in b) over the n-grams of `a` and `b`.
    static func clippedOverlap(_ a: [UInt32], _ b: [UInt32], n: Int) -> Int {
        guard a.count >= n, b.count >= n else { return 0 }
        func key(_ s: [UInt32], _ i: Int) -> UInt64 {
            n == 1 ? UInt64(s[i]) : (UInt64(s[i]) << 32) | UInt64(s[i + 1])
        }
        var counts: [UInt64: Int] = [:]
        for i in 0...(b.count - n) { counts[key(b, i), default: 0] += 1 }
        var overlap = 0
        for i in 0...(a.count - n) {
            let k = key(a, i)
            if let c = counts[k], c > 0 {
                overlap += 1
                counts[k] = c - 1
            }
        }
        return overlap
    }

    /// Length of the longest common subsequence (bit-parallel, 64 columns per word).
    static func lcsLength(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let words = (b.count + 63) / 64
        var masks: [UInt32: [UInt64]] = [:]
        for (i, s) in b.enumerated() {
            masks[s, default: [UInt64](repeating: 0, count: words)][i / 64] |= 1 << UInt64(i % 64)
        }
        var v = [UInt64](repeating: ~0, count: words)
        let zero = [UInt64](repeating: 0, count: words)
        for s in a {
            let m = masks[s] ?? zero
            // v' = (v + (v & m)) | (v & ~m), with the addition carried across words.
            var carry: UInt64 = 0
            for w in 0..<words {
                let u = v[w] & m[w]
                let (s1, o1) = v[w].addingReportingOverflow(u)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                carry = (o1 || o2) ? 1 : 0
                v[w] = s2 | (v[w] & ~m[w])
            }
        }
        var zeros = 0
        for w in 0..<words {
            let bitsInWord = w == words - 1 ? b.count - 64 * w : 64
            let valid: UInt64 = bitsInWord == 64 ? ~0 : (1 << UInt64(bitsInWord)) - 1
            zeros += bitsInWord - (v[w] & valid).nonzeroBitCount
        }
        return zeros
    }
}
