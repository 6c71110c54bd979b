import Foundation
import Testing
@testable import DocSiftSummarizer
import DocSift

@Suite struct SummarizerTests {
    static let background = try? BackgroundIDF(contentsOf: TestPaths.newsIDF)
    let summarizer = Summarizer(background: SummarizerTests.background)

    let article = """
    本报讯（记者 王明）11日下午，北京市召开新闻发布会，宣布全市将新建50个口袋公园。\
    口袋公园建在居民区附近，方便市民健身休闲。\
    市园林绿化局负责人说，今年新建的口袋公园将优先安排在老旧小区周边。\
    口袋公园建在居民区附近，方便市民健身休闲。\
    据介绍，去年北京已建成口袋公园40个，受到市民欢迎。\
    天气预报说明天有雨。
    """

    @Test func wholeSentencesInDocumentOrderWithinBudget() {
        let summary = summarizer.summarize(article, maxCharacters: 80)
        #expect(summary.kind == .sentences)
        #expect(summary.text.unicodeScalars.count <= 80)
        #expect(!summary.sentences.isEmpty)
        #expect(summary.sentenceIndices == summary.sentenceIndices.sorted())
        #expect(Set(summary.sentences).count == summary.sentences.count, "duplicate sentence")
        let document = PreparedDocument(text: article)
        for (piece, index) in zip(summary.sentences, summary.sentenceIndices) {
            #expect(document.sentences[index].text.hasSuffix(piece), "not a whole sentence: \(piece)")
        }
        #expect(!summary.text.contains("本报讯"), "dateline kept")
    }

    @Test func repeatedSentenceIsNeverChosenTwice() {
        let summary = summarizer.summarize(article, maxCharacters: 200)
        let repeated = "口袋公园建在居民区附近，方便市民健身休闲。"
        #expect(summary.text.components(separatedBy: repeated).count <= 2)
    }

    @Test func headlineBudgetGivesAClauseWindow() {
        let summary = summarizer.summarize(article, maxCharacters: 16)
        #expect(summary.kind == .clauseWindow)
        #expect(summary.text.unicodeScalars.count <= 16)
        #expect(!summary.text.isEmpty)
        #expect(!summary.text.hasPrefix("本报讯"))
        // A window that does not end a sentence is a marked cut of the article's text.
        let (body, mark) = GistEnd.splitMark(summary.text)
        #expect(article.contains(body))
        #expect(mark == "…" || article.contains(summary.text))
    }

    @Test func sentenceCountBudget() {
        let summary = summarizer.summarize(article, budget: .sentences(2))
        #expect(summary.sentences.count == 2)
        #expect(summary.kind == .sentences)
    }

    @Test func degenerateInputsGiveSensibleResults() {
        for text in ["", "   \n\n  ", "。。。！", "好"] {
            let summary = summarizer.summarize(text, maxCharacters: 50)
            #expect(summary.text.isEmpty || summary.text.unicodeScalars.count <= 50)
        }
        #expect(summarizer.summarize("", maxCharacters: 50).kind == .empty)
        #expect(summarizer.summarize(article, maxCharacters: 0).text.isEmpty)
        #expect(summarizer.summarize(article, maxCharacters: -5).text.isEmpty)
        #expect(summarizer.summarize(article, budget: .sentences(0)).text.isEmpty)
        let one = summarizer.summarize("只有一句话的新闻。", maxCharacters: 100)
        #expect(one.text == "只有一句话的新闻。")
        #expect(one.sentenceIndices == [0])
        let cut = summarizer.summarize("只有一句话的新闻，而且这句话相当长。", maxCharacters: 6)
        #expect(cut.text.unicodeScalars.count <= 6)
        #expect(!cut.text.isEmpty)
    }

    @Test func longTextWithoutPunctuationStaysBounded() {
        let text = String(repeating: "城市更新项目持续推进居民生活品质提升", count: 20_000)
        let summary = summarizer.summarize(text, maxCharacters: 100)
        #expect(summary.text.unicodeScalars.count <= 100)
        #expect(!summary.text.isEmpty)
    }

    @Test func worksWithoutBackgroundIDF() {
        let plain = Summarizer()
        let summary = plain.summarize(article, maxCharacters: 80)
        #expect(summary.kind == .sentences)
        #expect(summary.text.unicodeScalars.count <= 80)
        #expect(!summary.text.isEmpty)
    }

    @Test func deterministicAndSafeToShare() async {
        let expected = summarizer.summarize(article, maxCharacters: 60)
        let shared = summarizer
        let text = article
        let results = await withTaskGroup(of: Summary.self) { group in
            for _ in 0..<8 { group.addTask { shared.summarize(text, maxCharacters: 60) } }
            var all: [Summary] = []
            for await summary in group { all.append(summary) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func summaryRoundTripsThroughJSON() throws {
        let summary = summarizer.summarize(article, maxCharacters: 60)
        let data = try JSONEncoder().encode(summary)
        #expect(try JSONDecoder().decode(Summary.self, from: data) == summary)
    }

    @Test func keywordsAreMergedPhrases() {
        let keywords = summarizer.keywords(in: article, count: 5)
        #expect(!keywords.isEmpty)
        #expect(keywords.contains { $0.text.contains("口袋公园") })
        for k in keywords {
            #expect(k.text.unicodeScalars.count >= 2)
            #expect(article.contains(k.text))
            #expect(!keywords.contains { $0.text != k.text && $0.text.contains(k.text) }, "\(k.text) is inside another keyword")
        }
        #expect(keywords.map(\.score) == keywords.map(\.score).sorted(by: >))
    }
}

@Suite struct HugeInputTests {
    @Test func fiftyMegabyteTextIsCutBeforePreparation() {
        let paragraph = "市政府今天召开会议，研究部署城市更新工作。会议要求各区加快推进老旧小区改造。\n"
        let text = String(repeating: paragraph, count: 50_000_000 / paragraph.utf8.count)
        #expect(text.utf8.count > 49_000_000)
        let summarizer = Summarizer(options: SummaryOptions(keywordCount: 3))
        let summary = summarizer.summarize(text, maxCharacters: 60)
        #expect(summary.kind == .sentences)
        #expect(!summary.text.isEmpty)
        #expect(summary.text.unicodeScalars.count <= 60)
        #expect(summarizer.analyzedPrefix(of: text).unicodeScalars.count <= 200_000)
        #expect(summarizer.analyzedPrefix(of: text).hasSuffix("\n"))
    }
}

@Suite struct ExtremeOptionTests {
    @Test func extremeBudgetsAndOptionsNeverTrap() {
        let text = "第一段说明城市更新的总体安排。第二段介绍老旧小区改造，涉及居民三万户。第三段谈资金来源。"
        var options = SummaryOptions(maximumAnalyzedCharacters: .max, maximumSentences: .max)
        options.positionScale = 0
        options.windowPositionScale = 0
        options.preferredSentenceLength = -3
        options.headlineLength = .max
        let summarizer = Summarizer(options: options)
        #expect(summarizer.summarize(text, maxCharacters: .max).sentences.count == 3)
        #expect(summarizer.summarize(text, budget: .sentences(.max)).sentences.count == 3)
        #expect(summarizer.summarize(text, maxCharacters: .min).text.isEmpty)
        #expect(summarizer.summarize(text, maxCharacters: 1).text.unicodeScalars.count <= 1)
        let strict = Summarizer(options: SummaryOptions(maximumAnalyzedCharacters: 0, maximumSentences: 0))
        #expect(strict.summarize(text, maxCharacters: 50).kind == .empty)
        let noWindows = Summarizer(options: SummaryOptions(usesClauseWindows: false))
        let cut = noWindows.summarize(text, maxCharacters: 5)
        #expect(cut.text == "第一段说…")  // a cut is marked, the mark within the budget
    }
}
