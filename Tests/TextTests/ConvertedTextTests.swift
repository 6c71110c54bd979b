import DocSift
import Testing
@testable import DocSiftText

@Suite struct ConvertedTextTests {
    @Test func sentencesComeBackInTheOriginalCharactersWhenPhrasesChangeLength() {
        let source = ConvertedText("各界透過網際網路下載軟體。\n使用者的手機\n螢幕很大。")
        #expect(source.converted == "各界通过互联网下载软件。\n用户的手机\n屏幕很大。")
        #expect(!source.keepsCharacters)
        // Pieces as the summarizer cuts them: reflow joins the broken line.
        #expect(source.originals(of: ["通过互联网下载软件。", "用户的手机屏幕很大。"]) == ["透過網際網路下載軟體。", "使用者的手機螢幕很大。"])
    }

    @Test func simplifiedTextIsLeftAsItIs() {
        let text = "安全生产责任重于泰山。\n各地要压实责任。"
        let source = ConvertedText(text)
        #expect(source.converted == text)
        #expect(source.keepsCharacters)
        #expect(source.originals(of: ["各地要压实责任。"]) == ["各地要压实责任。"])
    }

    @Test func furnitureLinesAndEmojiLeaveTheConvertedText() {
        let source = ConvertedText("首頁 | 新聞 | 財經\n責任編輯：王小明\n他說👍這個辦法好。")
        #expect(source.converted == "他说这个办法好。")
        #expect(source.originals(of: ["他说这个办法好。"]) == ["他說👍這個辦法好。"])
    }

    @Test func traditionalSummaryKeepsItsCharacters() throws {
        let summarizer = Summarizer(background: try BackgroundIDF.loadDefault())
        let text = "本報訊　近日，縣公安局反詐騙中心成功攔截一起電信網路詐騙案件，為群眾挽回損失十二萬元。\n"
            + "民警提醒，凡是要求轉帳到「安全帳戶」的都是詐騙。\n縣公安局將繼續加強反詐宣傳，守護群眾財產安全。"
        let summary = summarizer.summarize(text, maxCharacters: 60)
        #expect(!summary.sentences.isEmpty)
        for sentence in summary.sentences { #expect(text.contains(sentence), "\(sentence)") }
        #expect(summary.keywords.allSatisfy { !ScriptConverter.traditionalToSimplified.isTraditional($0.text) })
    }

    @Test func modelFileRecordsWhetherFeaturesWereConverted() throws {
        let model = try TopicModel.loadDefault()
        #expect(model.convertsTraditional)
        #expect(try ModelFile.decode(ModelFile.encode(model)).convertsTraditional)
        // Without bit 2 (as every model written before conversion existed) input is not converted.
        let plain = try ModelFile.decode(ModelFile.encode(model.converting(false)))
        #expect(!plain.convertsTraditional)
        let text = "縣公安局反詐騙中心成功攔截一起電信網路詐騙案件"
        #expect(plain.featureText(text, title: nil) == text)
        #expect(model.featureText(text, title: nil) == "县公安局反诈骗中心成功拦截一起电信网络诈骗案件")
    }
}
