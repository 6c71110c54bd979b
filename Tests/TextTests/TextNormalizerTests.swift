import Testing
@testable import DocSiftText

@Suite struct TextNormalizerTests {
    @Test func fullWidthLettersAndDigitsBecomeHalfWidth() {
        #expect(TextNormalizer.normalize("２０２３年ＡＢＣｘｙｚ") == "2023年ABCxyz")
        #expect(TextNormalizer.normalize("覆盖率达到１６．５１％") == "覆盖率达到16.51%")
        #expect(TextNormalizer.normalize("普通话＋方言") == "普通话+方言")
    }

    @Test func chinesePunctuationIsKept() {
        let text = "他说：“好！”（完）；真的？"
        #expect(TextNormalizer.normalize(text) == text)
    }

    @Test func halfWidthOfSingleScalars() {
        #expect(TextNormalizer.halfWidth("５") == "5")
        #expect(TextNormalizer.halfWidth("％") == "%")
        #expect(TextNormalizer.halfWidth("\u{3000}") == " ")
        #expect(TextNormalizer.halfWidth("，") == "，")
        #expect(TextNormalizer.halfWidth("汉") == "汉")
    }

    @Test func markdownHeadingMarksAreRemoved() {
        #expect(TextNormalizer.normalize("# “五项聚焦”跑出党建“加速度”") == "“五项聚焦”跑出党建“加速度”")
        #expect(TextNormalizer.normalize("## ■ 树牢一个核心 绘制城市党建同心圆") == "树牢一个核心 绘制城市党建同心圆")
        #expect(TextNormalizer.normalize("### 整合宣讲阵地") == "整合宣讲阵地")
        #expect(TextNormalizer.normalize("■ 小标题") == "小标题")
        // A "#" inside a line is text.
        #expect(TextNormalizer.normalize("话题#1") == "话题#1")
    }

    @Test func lineCountIsPreservedAndSpacesTrimmed() {
        let text = "  第一行\u{3000}\r\n\n\t第三行\u{200B}  \n"
        let normalized = TextNormalizer.normalize(text)
        #expect(normalized == "第一行\n\n第三行\n")
        // Counted on scalars: "\r\n" is a single Character in Swift.
        #expect(normalized.unicodeScalars.filter { $0 == "\n" }.count == text.unicodeScalars.filter { $0 == "\n" }.count)
    }

    @Test func emptyAndWhitespaceInput() {
        #expect(TextNormalizer.normalize("") == "")
        #expect(TextNormalizer.normalize(" \u{3000} ") == "")
        #expect(TextNormalizer.normalize("\n\n") == "\n\n")
    }
}
