import DocSift
import Foundation
import Testing
@testable import DocSiftText

/// Raw pages made of a seed article and the furniture of four site styles
/// (`scripts/generate-web-pages.py`).
enum WebPages {
    struct Entry: Decodable {
        let page: String
        let article: String
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/web-pages")

    static let entries: [Entry] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")) else { return [] }
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }()

    static func text(_ entry: Entry) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(entry.page), encoding: .utf8)
    }

    static func nonEmptyLines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

@Suite struct WebFurnitureTests {
    @Test func furnitureLinesOfEachKind() {
        let furniture = [
            "首页 | 新闻 | 时政 | 社会 | 财经", "当前位置：首页 > 新闻中心 > 正文", "首页>基层党建>正文", "责任编辑：王小明",
            "【责任编辑：陈晓】", "编辑：刘洋　审核：张华", "分享到：微信 微博 QQ空间", "分享 微信 微博 QQ 复制链接",
            "【字体：大 中 小】【打印】【关闭】", "字号：大 中 小 | 打印本页 | 关闭窗口", "IMG_20230412_093015.jpg",
            "/uploads/2023/03/28/a.png", "（图片来源：受访单位供图）", "▲ 活动现场", "版权所有 © 2023 某某网",
            "Copyright © 2016-2023 www.example.cn All rights reserved.", "京ICP备12345678号-1",
            "上一篇：全市春耕生产现场推进会召开", "下一篇：我县开展消防安全进校园活动", "2023-05-06 星期六", "2023/06/19",
            "2023年3月28日 16:05", "2023-04-12 09:30:15　来源：中国县域经济网　作者：李明", "点击数：2386",
        ]
        for line in furniture { #expect(WebFurniture.isFurniture(Substring(line)), "\(line)") }
    }

    @Test func articleLinesAreKept() {
        let body = [
            "本报讯（赵鹏 许梦琪）连日来，陕煤集团", "图为3月21日该局执法人员在一家药店检查。 廖海金摄",
            "分享、共建幸福家园的美好风尚，体现社会的", "2023年，全县完成投资12亿元。", "党建引领，“一张网”兜起大小事",
            "近段时间以来,中交二公局重庆轨道交通段通过开展安全教育培训、设置安全“哨兵”、实行班前安全自检、设置安全警示仪容镜、进行",
        ]
        for line in body { #expect(!WebFurniture.isFurniture(Substring(line)), "\(line)") }
    }

    /// Not one line of the five seed pages (OCR'd newspaper text) is taken for furniture.
    @Test func seedPagesHaveNoFurniture() throws {
        let corpus = try #require(Seeds.corpus, "seed corpus missing")
        for (name, lines) in corpus.pages {
            let flagged = lines.filter { WebFurniture.isFurniture(Substring($0)) }
            #expect(flagged.isEmpty, "\(name): \(flagged)")
        }
    }

    /// Each raw page loses exactly its furniture: what is left is the article's lines.
    @Test func webPagesKeepTheArticleBodyIntact() throws {
        try #require(WebPages.entries.count == 10, "web-page fixtures missing")
        for entry in WebPages.entries {
            let page = try #require(WebPages.text(entry))
            let article = try #require(Seeds.article(entry.article))
            #expect(WebPages.nonEmptyLines(FeatureText.prepare(page)) == WebPages.nonEmptyLines(article.text), "\(entry.page)")
            #expect(WebPages.nonEmptyLines(ConvertedText(page).converted) == WebPages.nonEmptyLines(article.text), "\(entry.page)")
        }
    }

    /// The shipped model and summarizer give a raw page the clean article's label, scores and summary.
    @Test func webPagesGetTheCleanArticlesLabelAndSummary() throws {
        try #require(WebPages.entries.count == 10, "web-page fixtures missing")
        let model = try TopicModel.loadDefault()
        let summarizer = Summarizer(background: try BackgroundIDF.loadDefault())
        for entry in WebPages.entries {
            let page = try #require(WebPages.text(entry))
            let article = try #require(Seeds.article(entry.article))
            let raw = model.classify(page), clean = model.classify(article.text)
            #expect(raw.label == clean.label, "\(entry.page)")
            #expect(raw.scores.map(\.score) == clean.scores.map(\.score), "\(entry.page)")
            #expect(summarizer.summarize(page).sentences == summarizer.summarize(article.text).sentences, "\(entry.page)")
        }
    }
}
