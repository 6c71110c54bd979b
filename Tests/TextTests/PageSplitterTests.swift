import Testing
import DocSiftCorpus
@testable import DocSiftText

@Suite struct PageSplitterTests {
    /// Article-boundary F1 of the page splitter on the five seed pages, pooled.
    @Test func seedPagesReachBoundaryF1() throws {
        let corpus = try #require(Seeds.corpus)
        var scores: [ArticleBoundaryScore] = []
        for name in Seeds.pageNames {
            let lines = corpus.pages[name] ?? []
            let predicted = PageSplitter.articles(in: lines.joined(separator: "\n"))
            let gold = Seeds.articles(on: name).map(\.lineRanges)
            let score = ArticleBoundaryScore(predicted: predicted.map(\.lines), gold: gold, pageLines: lines)
            print("split \(name): \(score)")
            scores.append(score)
        }
        let pooled = ArticleBoundaryScore.pooled(scores)
        print("split all pages: \(pooled)")
        #expect(pooled.gold == 37)
        #expect(pooled.f1 >= 0.90)
    }
}
