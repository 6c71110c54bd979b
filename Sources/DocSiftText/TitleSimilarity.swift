/// How much a title and a passage share: Han character bigrams weighted by rarity on the page.
struct TitleSimilarity {
    /// Inverse document frequency weight of each bigram among the page's passages.
    private var weights: [UInt64: Double] = [:]
    private let defaultWeight: Double

    /// Han bigrams of `text` as packed keys.
    static func bigrams(_ text: String) -> Set<UInt64> {
        var result = Set<UInt64>()
        var previous: Unicode.Scalar?
        for s in text.unicodeScalars {
            if CharacterClasses.isHan(s) {
                if let p = previous { result.insert(UInt64(p.value) << 32 | UInt64(s.value)) }
                previous = s
            } else {
                previous = nil
            }
        }
        return result
    }

    /// Weights from the passages (paragraphs) of a page.
    init(passages: [Set<UInt64>]) {
        var frequency: [UInt64: Int] = [:]
        for passage in passages { for b in passage { frequency[b, default: 0] += 1 } }
        let count = Double(max(passages.count, 1))
        for (b, f) in frequency { weights[b] = log1pApprox(count / Double(f)) }
        defaultWeight = log1pApprox(count)
    }

    /// The weight of one bigram.
    func weight(_ bigram: UInt64) -> Double { weights[bigram] ?? defaultWeight }

    /// Share of the title's weighted bigrams found in the passage (0…1).
    func containment(title: Set<UInt64>, in passage: Set<UInt64>) -> Double {
        var total = 0.0
        var shared = 0.0
        for b in title {
            let w = weights[b] ?? defaultWeight
            total += w
            if passage.contains(b) { shared += w }
        }
        return total == 0 ? 0 : shared / total
    }
}

/// ln(1 + x) for x ≥ 0 without Foundation.
func log1pApprox(_ x: Double) -> Double {
    // ln(y) by range reduction to [1, 2) and the atanh series.
    var y = 1 + max(0, x)
    var result = 0.0
    let ln2 = 0.6931471805599453
    while y >= 2 { y /= 2; result += ln2 }
    let z = (y - 1) / (y + 1)
    let z2 = z * z
    var term = z
    var sum = 0.0
    var k = 1.0
    for _ in 0..<30 {
        sum += term / k
        term *= z2
        k += 2
    }
    return result + 2 * sum
}
