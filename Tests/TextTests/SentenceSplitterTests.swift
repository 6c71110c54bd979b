import Testing
@testable import DocSiftText

@Suite struct SentenceSplitterTests {
    @Test func splitsAtChineseFullStops() {
        #expect(SentenceSplitter.sentences(in: "今天下雨。明天晴！后天呢？再说；好的。")
            == ["今天下雨。", "明天晴！", "后天呢？", "再说；", "好的。"])
    }

    @Test func numbersAreNeverSplit() {
        #expect(SentenceSplitter.sentences(in: "避免客户遭受财产损失5.6万元。森林覆盖率达到16.51%，很好。")
            == ["避免客户遭受财产损失5.6万元。", "森林覆盖率达到16.51%，很好。"])
        #expect(SentenceSplitter.sentences(in: "城区面积43.77平方公里,常住人口35.8万人。")
            == ["城区面积43.77平方公里,常住人口35.8万人。"])
    }

    @Test func closingQuotesAndBracketsStayOnTheSentence() {
        #expect(SentenceSplitter.sentences(in: "他说：“我们做到了。”大家鼓掌。（完！）下一句。")
            == ["他说：“我们做到了。”", "大家鼓掌。", "（完！）", "下一句。"])
        #expect(SentenceSplitter.sentences(in: "“真是太方便了！”工友们说道，十分高兴。")
            == ["“真是太方便了！”", "工友们说道，十分高兴。"])
    }

    @Test func shortAttributionStaysWithItsQuotation() {
        #expect(SentenceSplitter.sentences(in: "“把创建做大做强。”景山社区党委书记张玉霞说。下一步。")
            == ["“把创建做大做强。”景山社区党委书记张玉霞说。", "下一步。"])
    }

    @Test func runsOfMarksCountOnce() {
        #expect(SentenceSplitter.sentences(in: "真的吗？！当然。") == ["真的吗？！", "当然。"])
        #expect(SentenceSplitter.sentences(in: "还可以兼顾到家里的大小事……一年到头就指望这几天了。")
            == ["还可以兼顾到家里的大小事……", "一年到头就指望这几天了。"])
        #expect(SentenceSplitter.sentences(in: "和谐有序……”一股新风。") == ["和谐有序……”", "一股新风。"])
    }

    @Test func asciiMarksSplitOnlyInCJKContext() {
        #expect(SentenceSplitter.sentences(in: "如何提升管理水平?达川区选派网格长。")
            == ["如何提升管理水平?", "达川区选派网格长。"])
        #expect(SentenceSplitter.sentences(in: "还有年轻人过来拍婚纱照!”近日,他说。")
            == ["还有年轻人过来拍婚纱照!”", "近日,他说。"])
        #expect(SentenceSplitter.sentences(in: "映入眼帘;办公环境温馨。") == ["映入眼帘;", "办公环境温馨。"])
        #expect(SentenceSplitter.sentences(in: "Is it OK? Yes; 好的。") == ["Is it OK? Yes; 好的。"])
        #expect(SentenceSplitter.sentences(in: "访问www.example.com了解。") == ["访问www.example.com了解。"])
    }

    @Test func lineBreaksNeverStayInSentences() {
        let sentences = SentenceSplitter.sentences(in: "第一句\n的后半。第二\n句。")
        #expect(sentences == ["第一句的后半。", "第二句。"])
    }

    @Test func unfinishedTailIsKept() {
        #expect(SentenceSplitter.sentences(in: "完整的一句。没有结束") == ["完整的一句。", "没有结束"])
    }

    @Test func emptyAndWhitespaceInput() {
        #expect(SentenceSplitter.sentences(in: "").isEmpty)
        #expect(SentenceSplitter.sentences(in: "   \n\t ").isEmpty)
        #expect(SentenceSplitter.sentences(in: "。") == ["。"])
        #expect(SentenceSplitter.sentences(in: "？？？？") == ["？？？？"])
    }
}
