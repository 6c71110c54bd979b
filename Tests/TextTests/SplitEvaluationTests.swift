import Testing
@testable import DocSiftText

@Suite struct SplitEvaluationTests {
    /// Ten lines, line 5 blank.
    static let page = (1...10).map { $0 == 5 ? "" : "第\($0)行。" }

    @Test func perfectSplit() {
        let gold = [[1...4], [6...10]]
        let score = ArticleBoundaryScore(predicted: [[1...5], [6...10]], gold: gold, pageLines: Self.page)
        #expect(score == ArticleBoundaryScore(matched: 2, predicted: 2, gold: 2))
        #expect(score.f1 == 1)
    }

    @Test func blankLinesBelongToNobody() {
        // Predicting the blank line 5 with either article changes nothing.
        let gold = [[1...4], [6...10]]
        let a = ArticleBoundaryScore(predicted: [[1...4], [5...10]], gold: gold, pageLines: Self.page)
        let b = ArticleBoundaryScore(predicted: [[1...5], [6...10]], gold: gold, pageLines: Self.page)
        #expect(a.matched == 2 && b.matched == 2)
    }

    @Test func coverageAndForeignShareThresholds() {
        let gold = [[1...4], [6...10]]
        // One merged article: covers both, but half its lines are foreign to either.
        let merged = ArticleBoundaryScore(predicted: [[1...10]], gold: gold, pageLines: Self.page)
        #expect(merged.matched == 0)
        #expect(merged.precision == 0 && merged.recall == 0 && merged.f1 == 0)
        // 4 of 5 lines of the second article (80 %) is enough; 3 of 5 is not.
        let most = ArticleBoundaryScore(predicted: [[1...4], [7...10]], gold: gold, pageLines: Self.page)
        #expect(most.matched == 2)
        let few = ArticleBoundaryScore(predicted: [[1...4], [8...10]], gold: gold, pageLines: Self.page)
        #expect(few.matched == 1)
        #expect(few.recall == 0.5 && few.precision == 0.5)
        // One foreign line out of five (20 %) is tolerated; two out of six are not.
        let page = (1...12).map { "第\($0)行。" }
        let gold2 = [[1...2], [3...12]]
        let oneForeign = ArticleBoundaryScore(predicted: [[1...2], [2...12]], gold: gold2, pageLines: page)
        #expect(oneForeign.matched == 2)  // 1 foreign line of 11
        let twoForeign = ArticleBoundaryScore(predicted: [[3...12], [1...2, 11...12]], gold: [[1...2], [3...12]], pageLines: page)
        #expect(twoForeign.matched == 1)  // second prediction: 2 of 4 lines foreign
    }

    @Test func matchingIsOneToOne() {
        let gold = [[1...4], [6...10]]
        let score = ArticleBoundaryScore(predicted: [[1...4], [1...4], [6...10]], gold: gold, pageLines: Self.page)
        #expect(score.matched == 2)
        #expect(score.predicted == 3)
        #expect(abs(score.precision - 2.0 / 3.0) < 1e-12)
        #expect(score.recall == 1)
    }

    @Test func poolingAddsCounts() {
        let pooled = ArticleBoundaryScore.pooled([
            ArticleBoundaryScore(matched: 2, predicted: 3, gold: 2),
            ArticleBoundaryScore(matched: 1, predicted: 1, gold: 2),
        ])
        #expect(pooled == ArticleBoundaryScore(matched: 3, predicted: 4, gold: 4))
        #expect(pooled.f1 == 0.75)
        #expect(ArticleBoundaryScore.pooled([]).f1 == 1)
    }

    @Test func absurdRangesDoNotTrap() {
        let score = ArticleBoundaryScore(predicted: [[Int.min...Int.max], [(-5)...(-1)]], gold: [[1...4], [6...10]],
                                         pageLines: Self.page)
        #expect(score.matched == 0)
        #expect(score.predicted == 2)
    }
}
