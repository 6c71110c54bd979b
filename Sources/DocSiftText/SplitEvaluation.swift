/// How well predicted article boundaries on a page agree with gold boundaries.
///
/// Lines are counted as the page's **non-blank** lines only: blank lines between articles
/// belong to nobody, so a prediction is neither rewarded nor punished for them. A predicted
/// article matches a gold article when its ranges cover at least 80 % of the gold article's
/// counted lines and at most 20 % of its own counted lines come from other gold articles.
/// Matching is one-to-one (a maximum bipartite matching); precision is matched / predicted,
/// recall is matched / gold. Scores of several pages pool by adding their counts.
public struct ArticleBoundaryScore: Sendable, Equatable, CustomStringConvertible {
    /// Predicted articles matched one-to-one with gold articles.
    public var matched: Int
    /// Number of predicted articles.
    public var predicted: Int
    /// Number of gold articles.
    public var gold: Int

    /// Minimum share of a gold article's lines a match must cover.
    public static let minimumCoverage = 0.8
    /// Maximum share of a predicted article's lines that may belong to other gold articles.
    public static let maximumForeignShare = 0.2

    /// A score from raw counts.
    public init(matched: Int, predicted: Int, gold: Int) {
        self.matched = matched
        self.predicted = predicted
        self.gold = gold
    }

    /// Scores `predicted` against `gold` article line ranges (1-based, inclusive) of one page;
    /// only lines in `countedLines` (the page's non-blank lines) count.
    public init(predicted: [[ClosedRange<Int>]], gold: [[ClosedRange<Int>]], countedLines: Set<Int>) {
        let predictedLines = predicted.map { ArticleBoundaryScore.lineSet($0, countedLines) }
        let goldLines = gold.map { ArticleBoundaryScore.lineSet($0, countedLines) }
        var owner: [Int: Int] = [:]
        for (index, lines) in goldLines.enumerated() {
            for line in lines where owner[line] == nil { owner[line] = index }
        }
        var candidates: [[Int]] = Array(repeating: [], count: predictedLines.count)
        for (p, lines) in predictedLines.enumerated() where !lines.isEmpty {
            var perGold: [Int: Int] = [:]
            for line in lines { if let g = owner[line] { perGold[g, default: 0] += 1 } }
            for (g, shared) in perGold {
                let goldCount = goldLines[g].count
                guard goldCount > 0 else { continue }
                let foreign = perGold.reduce(0) { $0 + ($1.key == g ? 0 : $1.value) }
                if Double(shared) >= ArticleBoundaryScore.minimumCoverage * Double(goldCount),
                   Double(foreign) <= ArticleBoundaryScore.maximumForeignShare * Double(lines.count) {
                    candidates[p].append(g)
                }
            }
            candidates[p].sort()
        }
        self.init(matched: ArticleBoundaryScore.maximumMatching(candidates, goldCount: goldLines.count),
                  predicted: predicted.count, gold: gold.count)
    }

    /// Scores one page given its lines (blank lines are not counted).
    public init(predicted: [[ClosedRange<Int>]], gold: [[ClosedRange<Int>]], pageLines: [String]) {
        var counted = Set<Int>()
        for (offset, line) in pageLines.enumerated()
        where line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            counted.insert(offset + 1)
        }
        self.init(predicted: predicted, gold: gold, countedLines: counted)
    }

    /// Several pages pooled: counts added.
    public static func pooled(_ scores: [ArticleBoundaryScore]) -> ArticleBoundaryScore {
        scores.reduce(ArticleBoundaryScore(matched: 0, predicted: 0, gold: 0)) {
            ArticleBoundaryScore(matched: $0.matched + $1.matched, predicted: $0.predicted + $1.predicted,
                                 gold: $0.gold + $1.gold)
        }
    }

    /// matched / predicted (1 when nothing was predicted and nothing was there).
    public var precision: Double {
        predicted == 0 ? (gold == 0 ? 1 : 0) : Double(matched) / Double(predicted)
    }

    /// matched / gold (1 when there was nothing to find).
    public var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }

    /// Harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// `P=… R=… F1=… (matched/predicted/gold)`.
    public var description: String {
        func f(_ x: Double) -> String {
            let scaled = Int((x * 1000).rounded())
            let fraction = String(scaled % 1000)
            return "\(scaled / 1000).\(String(repeating: "0", count: max(0, 3 - fraction.count)))\(fraction)"
        }
        return "P=\(f(precision)) R=\(f(recall)) F1=\(f(f1)) (matched \(matched), predicted \(predicted), gold \(gold))"
    }

    private static func lineSet(_ ranges: [ClosedRange<Int>], _ counted: Set<Int>) -> Set<Int> {
        var set = Set<Int>()
        for range in ranges {
            let (span, overflow) = range.upperBound.subtractingReportingOverflow(range.lowerBound)
            if overflow || span >= counted.count {
                for line in counted where range.contains(line) { set.insert(line) }
            } else {
                for line in range where counted.contains(line) { set.insert(line) }
            }
        }
        return set
    }

    /// Size of a maximum matching (Kuhn's augmenting paths).
    private static func maximumMatching(_ candidates: [[Int]], goldCount: Int) -> Int {
        var goldMatch = [Int](repeating: -1, count: goldCount)
        var matched = 0
        for p in candidates.indices {
            var visited = [Bool](repeating: false, count: goldCount)
            if augment(p, candidates, &goldMatch, &visited) { matched += 1 }
        }
        return matched
    }

    private static func augment(_ p: Int, _ candidates: [[Int]], _ goldMatch: inout [Int], _ visited: inout [Bool]) -> Bool {
        for g in candidates[p] where !visited[g] {
            visited[g] = true
            if goldMatch[g] < 0 || augment(goldMatch[g], candidates, &goldMatch, &visited) {
                goldMatch[g] = p
                return true
            }
        }
        return false
    }
}
