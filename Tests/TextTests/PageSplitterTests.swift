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

@Suite struct PageSplitterDetailTests {
    static func articles(_ page: String) -> [PageArticle] {
        PageSplitter.articles(in: Seeds.pageText(page))
    }

    @Test func titlesAndTextsOnSeedPages() throws {
        let page0 = Self.articles("000_7444f19e72d22120.txt")
        try #require(page0.count == 7)
        #expect(page0[0].title == "党建引领，“一张网”兜起大小事——北京市西城区加强基层治理提升居民幸福感")
        // The lead printed at the bottom of the page reads first.
        #expect(page0[0].text.hasPrefix("在推进社区基层治理的过程中，北京市西城区持续深化党建引领基层治理创新"))
        #expect(page0[0].lines == [1...114, 376...392])
        #expect(page0[2].title.isEmpty)  // a photo caption
        #expect(!page0[2].text.contains("摄"))
        // The title printed after its text.
        #expect(page0[6].title == "“四聚焦四聚力”彰显新气象新变化——青海乌兰县顺应民心推动主题教育提质升温")
        #expect(page0[6].text.hasPrefix("第二批主题教育开展以来"))
        #expect(page0[6].lines == [265...374])

        let page2 = Self.articles("002_4369536559b3d969.txt")
        try #require(page2.count == 7)
        #expect(page2[0].title.isEmpty)
        #expect(page2[0].lines == [6...110])
        #expect(!page2[0].text.contains("上接"))
        #expect(page2[1].title.hasPrefix("聚焦基层治理“七个一”铺就多彩乌兰“长安路”"))
        #expect(page2[1].lines == [1...4, 112...223])

        let page4 = Self.articles("004_b6d7ee76160b0604.txt")
        try #require(page4.count == 7)
        #expect(page4[1].title == "建行广安分行构建和谐阵地凝聚精神力量")
        #expect(page4[1].text.contains("积极宣传优秀共产党员事迹,大力弘扬正能量”等目标"))
        // Section headings stay inside their article.
        #expect(page4[0].text.contains("突出党建引领"))
    }

    @Test func sectionHeadingsDoNotStartArticles() {
        let page0 = Self.articles("000_7444f19e72d22120.txt")
        #expect(page0.first?.text.contains("“党建+N”加出新动力") == true)
        #expect(page0.allSatisfy { !$0.title.contains("“党建+N”加出新动力") })
        let page3 = Self.articles("003_0f48b70af7a82531.txt")
        #expect(page3.first?.lines == [3...37])
        #expect(page3.last?.text.contains("整合宣讲阵地") == true)
    }

    /// A page in the narrow-column style written for this test (not a seed page).
    static let columnPage = """
    某市推进老旧小区改造
    ——让居民住得更舒心

    ◎ 王某

    今年以来，某市把老旧小区改造作为民生
    实事，完成改造项目32个，惠及居民1.2万
    户。

    加装电梯惠民生

    在某小区，新加装的电梯已投入使用。“以
    前上下楼很难，现在方便多了。”居民刘阿
    姨说。

    某县农商银行
    开展反诈宣传

    本报讯（记者 李某）近日，某县农商银行走
    进社区开展防范电信诈骗宣传活动，发放宣
    传资料300余份。

    本报讯（张某）3月5日，某区召开安全生产
    工作会议，部署下一阶段重点工作。

    近日，某县开展植树活动，干部群众共植树3000余株，为城市增添绿色。图为志愿者在植树。 赵某摄

    某镇：
    特色产业助增收

    ◎ 陈某

    某镇立足资源优势，发展特色种植，带动
    群众增收。

    某地举办农民丰收节，展示特色农产品。图为群众选购农产品。

    下一步，某镇将继续做强特色产业，带动
    更多群众增收致富。
    """

    @Test func unseenColumnPage() {
        let articles = PageSplitter.articles(in: Self.columnPage)
        // The caption without credit (line 36) is an article; the text after it continues 某镇.
        #expect(articles.map(\.lines) == [[1...14], [16...21], [23...24], [26...26], [28...34, 38...39], [36...36]])
        #expect(articles.map(\.title) == ["某市推进老旧小区改造——让居民住得更舒心", "某县农商银行开展反诈宣传", "", "",
                                          "某镇：特色产业助增收", ""])
        #expect(articles.first?.text.contains("加装电梯惠民生") == true)
        #expect(articles[3].text == "近日，某县开展植树活动，干部群众共植树3000余株，为城市增添绿色。图为志愿者在植树。")
    }

    /// A page in the markdown style written for this test.
    static let markdownPage = """
    # 某区：党建引领基层治理

    某文

    近年来,某区坚持党建引领,构建共建共治共享的治理格局。

    ## ■ 建强一个堡垒

    某区推动街道、社区党组织建设,网格覆盖率达100%。

    ### 做实网格服务

    网格员每月入户走访,收集居民诉求1200余条,办结率98.5%。

    ## 某村: 乡村振兴展新颜

    李某 张某

    走进某村,道路干净整洁,产业兴旺发达。



    图为村民在采摘茶叶。

    某某 摄

    ## 某矿: 安全生产开门红

    本报讯(某某)一季度,某矿实现安全生产零事故。
    """

    @Test func unseenMarkdownPage() {
        let articles = PageSplitter.articles(in: Self.markdownPage)
        #expect(articles.map(\.lines) == [[1...13], [15...19], [23...25], [27...29]])
        #expect(articles.map(\.title) == ["某区：党建引领基层治理", "某村: 乡村振兴展新颜", "", "某矿: 安全生产开门红"])
        #expect(articles.first?.text.contains("建强一个堡垒") == true)
    }

    @Test func titleAboveAContinuationWithNoOtherMatchTitlesIt() {
        let page = """
        某县推进乡村振兴
        ——产业兴旺百姓富

        ◎ 张某

        （上接A1版）

        同时，该县大力发展特色种植，带动群众
        增收致富。

        某区召开安全生产会议

        本报讯（李某）近日，某区召开安全生产工
        作会议。
        """
        let articles = PageSplitter.articles(in: page)
        #expect(articles.map(\.lines) == [[1...9], [11...14]])
        #expect(articles.first?.title == "某县推进乡村振兴——产业兴旺百姓富")
    }

    @Test func emptyPage() {
        #expect(PageSplitter.articles(in: "").isEmpty)
        #expect(PageSplitter.articles(in: "\n\n  \n").isEmpty)
    }
}

/// Pages rebuilt from seed articles in another order: the splitter must not depend on where
/// an article stood on its page.
@Suite struct ShuffledPageTests {
    @Test(arguments: Seeds.pageNames)
    func reorderedArticlesAreFound(_ name: String) throws {
        let corpus = try #require(Seeds.corpus)
        let lines = corpus.pages[name] ?? []
        // Articles printed in one piece; multi-range ones depend on their neighbours.
        let pieces = Seeds.articles(on: name).filter { $0.lineRanges.count == 1 }.map { article -> [String] in
            let range = article.lineRanges[0]
            return Array(lines[(range.lowerBound - 1)...(range.upperBound - 1)])
        }
        try #require(pieces.count >= 5)
        // Reverse, then rotate by two: every article gets new neighbours.
        var order = Array(pieces.indices.reversed())
        order = Array(order[2...] + order[..<2])
        var page: [String] = []
        var gold: [[ClosedRange<Int>]] = []
        for index in order {
            let start = page.count + 1
            page.append(contentsOf: pieces[index])
            gold.append([start...(page.count)])
            page.append("")
        }
        let predicted = PageSplitter.articles(in: page.joined(separator: "\n")).map(\.lines)
        let score = ArticleBoundaryScore(predicted: predicted, gold: gold, pageLines: page)
        print("shuffled \(name): \(score)")
        #expect(score.f1 >= 0.9)
    }
}

extension ShuffledPageTests {
    /// All one-piece seed articles of all pages interleaved on one long page (both styles mixed).
    @Test func interleavedPagesOfBothStyles() throws {
        let corpus = try #require(Seeds.corpus)
        var queues: [[[String]]] = []
        for name in Seeds.pageNames {
            let lines = corpus.pages[name] ?? []
            queues.append(Seeds.articles(on: name).filter { $0.lineRanges.count == 1 }.map { article in
                let range = article.lineRanges[0]
                return Array(lines[(range.lowerBound - 1)...(range.upperBound - 1)])
            })
        }
        var page: [String] = []
        var gold: [[ClosedRange<Int>]] = []
        var round = 0
        while queues.contains(where: { round < $0.count }) {
            for queue in queues.reversed() where round < queue.count {
                let start = page.count + 1
                page.append(contentsOf: queue[round])
                gold.append([start...(page.count)])
                page.append("")
            }
            round += 1
        }
        let predicted = PageSplitter.articles(in: page.joined(separator: "\n")).map(\.lines)
        let score = ArticleBoundaryScore(predicted: predicted, gold: gold, pageLines: page)
        print("interleaved: \(score)")
        #expect(gold.count == 35)
        #expect(score.f1 >= 0.9)
    }
}

/// `docsift split | docsift label` prepares each article's text a second time: the split
/// text must keep section headings apart from body sentences when re-read.
@Suite("Split output read back")
struct SplitOutputRereadTests {
    @Test func sectionHeadingsStayHeadingsWhenArticleTextIsPreparedAgain() {
        var rereadSentences: [String] = []
        var rereadHeadings: [String] = []
        for page in Seeds.pageNames {
            let pageText = Seeds.pageText(page)
            for article in PageSplitter.articles(in: pageText) {
                let reread = PreparedDocument(text: article.text)
                rereadSentences += reread.sentences.map(\.text)
                rereadHeadings += reread.headings
            }
        }
        #expect(rereadHeadings.count >= 15)
        // No sentence read back from split output starts with a section heading glued to it.
        for heading in rereadHeadings {
            #expect(!rereadSentences.contains { $0.hasPrefix(heading) && $0.count > heading.count + 4 },
                    "heading glued to a sentence: \(heading)")
        }
    }
}
