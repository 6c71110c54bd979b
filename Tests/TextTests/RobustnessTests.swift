import Testing
@testable import DocSiftText

/// Odd input never crashes and keeps the basic invariants.
@Suite struct RobustnessTests {
    static let oddInputs: [String] = [
        "",
        " ",
        "\n\n\n",
        "\r\n\r\n",
        "\u{3000}\u{3000}",
        "#",
        "######## 标题",
        "## ■",
        "■■■",
        "◎",
        "摄",
        " 摄",
        "（上接B1版）",
        "（）",
        "。。。。",
        "……",
        "?!;.",
        "。”」）》",
        "——",
        "——\n——\n",
        "本报讯",
        "本报",
        "新华社",
        "a",
        "12.5",
        "\u{0}\u{1}\u{7}\u{1B}[31m\u{7F}",
        "\u{FEFF}\u{200B}\u{FFFD}",
        "😀👍🏽🇨🇳 emoji 行。",
        "e\u{301}\u{302}\u{303}",
        String(repeating: "字", count: 5000),
        String(repeating: "？", count: 5000),
        String(repeating: "?", count: 5000),
        String(repeating: ".", count: 5000),
        String(repeating: "“", count: 300) + String(repeating: "”", count: 300),
        String(repeating: "\n", count: 5000),
        String(repeating: "短\n", count: 3000),
        String(repeating: "标题\n\n", count: 1000),
        String(repeating: "◎ 张三\n", count: 500),
        String(repeating: "孙凯芳 摄\n", count: 500),
        String(repeating: "这是一个很长的句子，没有结束，只有逗号", count: 300),
        "标题\n\n◎ 张三\n\n图为村民在采茶。\n\n某某 摄\n\n正文第一句。",
        "图为村民在采茶。\n\n某某 摄\n\n正文第一句。\n\n## 标题\n\n（上接B1版）\n\n正文。",
        "# 标题\n\n# 另一个标题\n\n## ——副题\n\n◎ 甲乙",
    ]

    static func check(_ text: String) {
        let lineCount = text.unicodeScalars.filter { $0 == "\n" }.count + 1
        _ = TextNormalizer.normalize(text)
        let blocks = Reflow.blocks(of: text)
        for block in blocks {
            #expect(block.lines.lowerBound >= 1 && block.lines.upperBound <= lineCount)
            #expect(!block.text.isEmpty)
        }
        let document = PreparedDocument(text: text)
        for sentence in document.sentences {
            #expect(!sentence.text.contains("\n"))
            #expect(sentence.blockIndex >= 0 && sentence.blockIndex < document.blocks.count)
        }
        _ = SentenceSplitter.sentences(in: text)
        for article in PageSplitter.articles(in: text) {
            #expect(!article.lines.isEmpty)
            for range in article.lines {
                #expect(range.lowerBound >= 1 && range.upperBound <= lineCount)
            }
        }
    }

    @Test func oddInputIsHandled() {
        for text in Self.oddInputs { Self.check(text) }
    }

    @Test func pseudoRandomScalarSoup() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<40 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<400 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let pick = Int(truncatingIfNeeded: state >> 33) % 12
                let value: UInt32
                switch pick {
                case 0: value = 0x0A
                case 1: value = 0x3002
                case 2: value = 0x201C + UInt32(truncatingIfNeeded: state >> 40) % 2
                case 3: value = 0x20 + UInt32(truncatingIfNeeded: state >> 40) % 0x5F
                case 4: value = 0xFF01 + UInt32(truncatingIfNeeded: state >> 40) % 0x5E
                case 5: value = 0x23
                case 6: value = 0x25CE
                case 7: value = UInt32(truncatingIfNeeded: state >> 40) % 0x20
                default: value = 0x4E00 + UInt32(truncatingIfNeeded: state >> 40) % 0x5000
                }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            Self.check(String(scalars))
        }
    }

    /// Random sequences of the kinds of lines the pages hold.
    @Test func structuredLineSoup() {
        let kinds = [
            "", "", "", "某市推进老旧小区改造", "——让居民住得更舒心", "◎ 王某", "李某 张某", "某某 摄",
            "（上接B1版）", "本报讯（李某）近日，某县开展宣传活动，", "今年以来，某市把老旧小区改造作为民生",
            "实事，完成改造项目32个，惠及居民1.2万", "户。", "图为志愿者在植树。", "某镇：", "## 某村: 乡村振兴",
            "## ■ 建强一个堡垒", "### 做实网格服务", "# 标题", "“以前上下楼很难，现在方便多了。”居民说。",
            "近日，某县开展植树活动，干部群众共植树3000余株。 赵某摄", "力弘扬正能量”等目标,大力建设。",
        ]
        var state: UInt64 = 42
        for _ in 0..<300 {
            var lines: [String] = []
            for _ in 0..<40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                lines.append(kinds[Int(truncatingIfNeeded: state >> 33) % kinds.count])
            }
            Self.check(lines.joined(separator: "\n"))
        }
    }

    @Test func hugeSeedLikeInput() throws {
        let corpus = try #require(Seeds.corpus)
        let page = Seeds.pageText(Seeds.pageNames.first ?? "")
        let huge = Array(repeating: page, count: 30).joined(separator: "\n")
        let articles = PageSplitter.articles(in: huge)
        #expect(articles.count >= 30)
        let document = PreparedDocument(text: huge)
        #expect(document.sentences.count > 30 * 50)
        #expect(corpus.articles.count == 37)
    }
}

/// Found by the text-preparation fuzzer: with CRLF line ends, line numbers follow U+000A
/// scalars (a Swift `Character` would count "\r\n" as one). Every block and article range
/// must stay inside the text's lines.
@Suite("CRLF input")
struct CRLFRegressionTests {
    @Test func rangesStayInsideTheLinesOfCRLFText() {
        let text = "党建引领 一张网\r\n——北京市西城区\r\n\r\n◎ 杨澜\r\n\r\n多年以来，社区充分发挥\r\n党委领导核心作用。\r\n\r孤立的回车\r\n"
        let lineCount = 1 + text.unicodeScalars.filter { $0 == "\n" }.count
        let document = PreparedDocument(text: text)
        #expect(!document.sentences.isEmpty)
        for block in document.blocks {
            #expect(block.lines.lowerBound >= 1 && block.lines.upperBound <= lineCount)
        }
        for article in PageSplitter.articles(in: text) {
            for range in article.lines { #expect(range.lowerBound >= 1 && range.upperBound <= lineCount) }
        }
        #expect(document.sentences.allSatisfy { !$0.text.contains("\n") && !$0.text.contains("\r\n") })
    }
}
