import Testing
import DocSiftCorpus
@testable import DocSiftText

/// Operational definition of a sentence "cut mid-phrase", checked on every seed article:
///
/// 1. a body sentence never holds a line break;
/// 2. it ends with sentence-final punctuation (。！？；… or ASCII ?!; after CJK text),
///    optionally followed by closing quotes or brackets — except the article's last
///    sentence when the source itself ends without one, and the known source truncations
///    listed in ``SeedSentenceTests/sourceTruncations`` (text missing in the OCR itself);
/// 3. it never starts with a character that can only continue a sentence (，、。：；！？…
///    or a closing quote or bracket);
/// 4. it never holds a byline, a photo credit or a heading of its article.
@Suite struct SeedSentenceTests {
    /// Sentences that end unfinished because the page itself lost the rest: article id and
    /// the sentence's last characters. Page 003 line 117 stops at "组建党的二十" and the
    /// next line is a `###` heading.
    static let sourceTruncations: Set<String> = ["s003-08|组建党的二十"]

    struct Violation: CustomStringConvertible {
        var article: String
        var rule: String
        var sentence: String
        var description: String { "\(article) [\(rule)] \(sentence)" }
    }

    /// Whether the source text of an article ends with sentence-final punctuation.
    static func sourceEndsSentence(_ text: String) -> Bool {
        let trimmed = Array(text.unicodeScalars).reversed().drop { $0.properties.isWhitespace }.reversed()
        return CharacterClasses.endsSentence(Array(trimmed)[...])
    }

    static func violations() -> (checked: Int, violations: [Violation], truncations: Set<String>) {
        var checked = 0
        var found: [Violation] = []
        var truncations = Set<String>()
        for article in Seeds.corpus?.articles ?? [] {
            let document = PreparedDocument(text: article.text)
            let sentences = document.sentences
            // Heading and byline texts, with how often the source may legitimately hold
            // them in body text (a single-line heading's own line does not count).
            let source = TextNormalizer.normalize(article.text)
            var allowed: [String: Int] = [:]
            for block in document.blocks where block.kind == .byline || block.kind == .heading {
                guard block.text.unicodeScalars.count >= 2 else { continue }
                let own = block.lines.count == 1 ? 1 : 0
                allowed[block.text] = max(0, occurrences(of: block.text, in: source) - own)
            }
            let body = sentences.map(\.text).joined()
            for (text, limit) in allowed where occurrences(of: text, in: body) > limit {
                found.append(Violation(article: article.id, rule: "holds heading/byline", sentence: text))
            }
            for (position, sentence) in sentences.enumerated() {
                checked += 1
                let scalars = Array(sentence.text.unicodeScalars)
                if sentence.text.contains("\n") || sentence.text.contains("\r") {
                    found.append(Violation(article: article.id, rule: "line break", sentence: sentence.text))
                }
                if let first = scalars.first, CharacterClasses.isContinuationOnly(first) {
                    found.append(Violation(article: article.id, rule: "starts mid-phrase", sentence: sentence.text))
                }
                if !CharacterClasses.endsSentence(scalars[...]) {
                    let isLast = position == sentences.count - 1
                    let key = "\(article.id)|\(String(String.UnicodeScalarView(scalars.suffix(6))))"
                    if isLast && !sourceEndsSentence(article.text) {
                        // The source ends without punctuation: allowed.
                    } else if sourceTruncations.contains(key) {
                        truncations.insert(key)
                    } else {
                        found.append(Violation(article: article.id, rule: "ends mid-phrase", sentence: sentence.text))
                    }
                }
                if sentence.text.contains("◎") || sentence.text.hasSuffix("摄") {
                    found.append(Violation(article: article.id, rule: "byline or credit", sentence: sentence.text))
                }
            }
        }
        return (checked, found, truncations)
    }

    /// Non-overlapping occurrences of `needle` in `haystack`.
    static func occurrences(of needle: String, in haystack: String) -> Int {
        let n = Array(needle.unicodeScalars)
        let h = Array(haystack.unicodeScalars)
        guard !n.isEmpty, n.count <= h.count else { return 0 }
        var count = 0
        var i = 0
        while i + n.count <= h.count {
            if h[i..<(i + n.count)].elementsEqual(n) {
                count += 1
                i += n.count
            } else {
                i += 1
            }
        }
        return count
    }

    @Test func everySeedSentenceIsWhole() {
        let result = Self.violations()
        print("sentences checked: \(result.checked), violations: \(result.violations.count)")
        for violation in result.violations { print("  \(violation)") }
        #expect(Seeds.corpus?.articles.count == 37)
        #expect(result.checked > 400)
        #expect(result.violations.isEmpty)
        // The allow-list is exact: every listed truncation is still there.
        #expect(result.truncations == Self.sourceTruncations)
    }
}

@Suite struct KnownSentenceTests {
    static func sentences(_ id: String) -> [String] {
        guard let article = Seeds.article(id) else { return [] }
        return PreparedDocument(text: article.text).sentences.map(\.text)
    }

    @Test func blankLineInsideAWordIsJoined() {
        // Page 001 lines 11–13: "…社区副" / blank / "书记”工作…".
        let sentence = Self.sentences("s001-01").first { $0.hasPrefix("同时,持续深化党建引领网格管理服务") }
        #expect(sentence?.contains("在31个社区全覆盖落实“穿警服的社区副书记”工作,协调化解辖区各类矛盾纠纷290余起") == true)
        #expect(sentence?.hasSuffix("的城市基层治理新格局。") == true)
    }

    @Test func columnBrokenSentencesAreWhole() {
        let sentences = Self.sentences("s000-01")
        // Page 000 lines 10–13, a quotation with its attribution.
        #expect(sentences.contains("“推进创建工作需要拓宽延伸党组织功能，集结辖区各方资源力量，把创建‘朋友圈’做大做强。”景山社区党委书记张玉霞说。"))
        // Page 000 lines 33–38, across a blank line.
        #expect(sentences.contains("在问题清单形成阶段，社区鼓励居民主动清理自家堆物堆料、废旧自行车等，并利用“周末大扫除”，发动党建协调委员会成员单位、城管、保洁、物业以及在职党员、楼门院长等多方志愿力量，对问题隐患进行集中整治。"))
        // Page 000 lines 376–392: the lead printed with a blank line after every line.
        #expect(sentences.contains("在推进社区基层治理的过程中，北京市西城区持续深化党建引领基层治理创新，切实把党的政治优势、组织优势和密切联系群众的优势转换为基层治理的效能，不断探索党建引领社区治理的新路径，进一步延伸服务触角，“一张网”兜起社区大小事，促进社区治理提质增效，全方位提升居民的幸福感。"))
    }

    @Test func datelineStaysInTheFirstSentence() {
        let sentences = Self.sentences("s000-04")
        #expect(sentences.first == "本报讯（陈建军 益西卓玛）11月10日，农行甘孜九龙县支行成功堵截一起电信诈骗，避免客户遭受财产损失5.6万元。")
    }

    @Test func sentenceInterruptedByATitleIsJoined() {
        // Page 004 lines 51–57: a misplaced title stands inside the sentence.
        let sentences = Self.sentences("s004-02")
        #expect(sentences.contains { $0.contains("积极宣传优秀共产党员事迹,大力弘扬正能量”等目标") })
        #expect(!sentences.contains { $0.contains("建行广安分行构建和谐阵地") })
        let document = PreparedDocument(text: Seeds.article("s004-02")?.text ?? "")
        #expect(document.headings.contains("建行广安分行构建和谐阵地凝聚精神力量"))
    }

    @Test func paragraphBreakWithoutBlankLine() {
        // Page 002 lines 142–145: "“群雁高飞”。" ends a paragraph, the next line starts one.
        let sentences = Self.sentences("s002-02")
        #expect(sentences.contains("召集村“两委”干部会商研究相关工作，对标工作目标，查缺补漏，对干部履职情况进行考评，选优配强后备干部，推动基层党组织由“头雁领航”到“群雁高飞”。"))
        #expect(sentences.contains("织密一张网格，促基层治理“精细化”。"))
    }

    @Test func headingsAndBylinesOfSeedArticles() throws {
        let first = PreparedDocument(text: try #require(Seeds.article("s000-01")).text)
        #expect(first.headings.prefix(2) == ["党建引领，“一张网”兜起大小事", "——北京市西城区加强基层治理提升居民幸福感"])
        #expect(first.headings.contains("党建引领做大做强创建“朋友圈”"))
        #expect(first.headings.contains("“党建+N”加出新动力"))
        #expect(first.headings.contains("在职党员“双报到”助力文明到位"))
        #expect(first.blocks.contains { $0.kind == .byline && $0.text == "◎ 杨澜高梓轩" })
        let last = PreparedDocument(text: try #require(Seeds.article("s004-07")).text)
        #expect(last.blocks.contains { $0.kind == .byline && $0.text == "罗杰 裴旭蕾 于成林" })
        let markdown = PreparedDocument(text: try #require(Seeds.article("s001-01")).text)
        #expect(markdown.headings == ["“五项聚焦”跑出党建“加速度”", "——青海省西宁市城北区着力构建“三治”融合的基层治理体系"])
        #expect(markdown.blocks.contains { $0.kind == .byline && $0.text == "马孝" })
        let sections = PreparedDocument(text: try #require(Seeds.article("s003-01")).text)
        #expect(sections.headings.contains("树牢一个核心 绘制城市党建同心圆"))
        #expect(!sections.bodyText.contains("■") && !sections.bodyText.contains("#"))
    }

    @Test func captionsKeepTheirCreditApart() throws {
        let inline = PreparedDocument(text: try #require(Seeds.article("s000-03")).text)
        #expect(inline.blocks.map(\.kind) == [.caption, .byline])
        #expect(inline.blocks.last?.text == "杨玉红张光贤摄")
        #expect(inline.sentences.last?.text.hasSuffix("作出了积极贡献。") == true)
        let separate = PreparedDocument(text: try #require(Seeds.article("s001-04")).text)
        #expect(separate.blocks.map(\.kind) == [.caption, .byline])
        #expect(separate.blocks.last?.text == "孙凯芳 摄")
        #expect(separate.sentences.count == 2)
    }
}

@Suite struct ReflowKeepsTextTests {
    /// Reflow neither drops nor duplicates text: the blocks hold every non-space character
    /// of the normalized article, and every non-blank line lies in some block.
    @Test func everyCharacterOfEverySeedArticleSurvives() {
        var articles = 0
        for article in Seeds.corpus?.articles ?? [] {
            let normalized = TextNormalizer.normalize(article.text)
            let blocks = Reflow.blocks(of: article.text)
            let sourceCount = normalized.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            let blockCount = blocks.reduce(0) { $0 + $1.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count }
            #expect(sourceCount == blockCount, "\(article.id)")
            let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in lines.enumerated() where !line.isEmpty {
                #expect(blocks.contains { $0.lines.contains(offset + 1) }, "\(article.id) line \(offset + 1)")
            }
            articles += 1
        }
        #expect(articles == 37)
    }
}
