import Testing
@testable import DocSiftText

@Suite struct ReflowTests {
    /// A narrow-column article in the style of page 000, written for this test.
    static let column = """
    农行某某县支行
    成功堵截一起诈骗

    ◎ 张三

    本报讯（李四）11月10日，农行某某县支
    行成功堵截一起电信诈骗，避免客户遭受财
    产损失5.6万元。

    当日上午，一位客户在柜台办理转账业务时
    不停地通过微信发送消息，引起了大堂经理的

    注意。大堂经理耐心询问客户情况。
    防范宣传进社区
    
    支行工作人员走进社区开展反诈宣传，发放
    宣传资料200余份。
    """

    @Test func columnLinesJoinAndHeadingsStayApart() {
        let blocks = Reflow.blocks(of: Self.column)
        #expect(blocks.map(\.kind) == [.heading, .byline, .paragraph, .paragraph, .heading, .paragraph])
        #expect(blocks[0].text == "农行某某县支行成功堵截一起诈骗")
        #expect(blocks[0].lines == 1...2)
        #expect(blocks[1].text == "◎ 张三")
        #expect(blocks[2].text == "本报讯（李四）11月10日，农行某某县支行成功堵截一起电信诈骗，避免客户遭受财产损失5.6万元。")
        // The blank line inside the sentence is removed.
        #expect(blocks[3].text == "当日上午，一位客户在柜台办理转账业务时不停地通过微信发送消息，引起了大堂经理的注意。大堂经理耐心询问客户情况。")
        #expect(blocks[3].lines == 10...13)
        #expect(blocks[4].text == "防范宣传进社区")
        #expect(blocks[5].text == "支行工作人员走进社区开展反诈宣传，发放宣传资料200余份。")
    }

    @Test func markdownStyleWithCutParagraphsCaptionAndCredit() {
        let text = """
        ## 某县: 建设绿美城市

        王五

        近年来,某县不断优化城市布局,让“推窗见绿、出门进园”成为现实。在31个社区全覆盖落实“穿警服的社区副

        书记”工作,化解矛盾纠纷290余起。

        ## ■ 树牢一个核心

        红山区始终坚持党的全面领导。



        图为4月10日,工人在警示仪容镜前检查安全着装。

        孙凯芳 摄
        """
        let blocks = Reflow.blocks(of: text)
        #expect(blocks.map(\.kind) == [.heading, .byline, .paragraph, .heading, .paragraph, .caption, .byline])
        #expect(blocks[0].text == "某县: 建设绿美城市")
        #expect(blocks[2].text.contains("“穿警服的社区副书记”工作"))
        #expect(blocks[3].text == "树牢一个核心")
        #expect(blocks[6].text == "孙凯芳 摄")
    }

    @Test func sentenceCutByAMisplacedTitleIsJoined() {
        let text = """
        围绕“突出党史学习教育,积极宣传优秀共产党员事迹,大

        建行某某分行
        构建和谐阵地

        力弘扬正能量”等目标,大力建设“党员之家”。
        """
        let blocks = Reflow.blocks(of: text)
        #expect(blocks.map(\.kind) == [.paragraph, .heading])
        #expect(blocks[0].text == "围绕“突出党史学习教育,积极宣传优秀共产党员事迹,大力弘扬正能量”等目标,大力建设“党员之家”。")
        #expect(blocks[1].text == "建行某某分行构建和谐阵地")
    }

    @Test func trailingCreditIsSplitFromCaption() {
        let blocks = Reflow.blocks(of: "甘肃省某县持续推进国土绿化，作出了积极贡献。 杨玉红张光贤摄")
        #expect(blocks.map(\.kind) == [.caption, .byline])
        #expect(blocks[0].text == "甘肃省某县持续推进国土绿化，作出了积极贡献。")
        #expect(blocks[1].text == "杨玉红张光贤摄")
        let document = PreparedDocument(text: "甘肃省某县持续推进国土绿化，作出了积极贡献。 杨玉红张光贤摄")
        #expect(document.sentences.map(\.text) == ["甘肃省某县持续推进国土绿化，作出了积极贡献。"])
    }

    @Test func preparedDocumentNumbersSentences() {
        let document = PreparedDocument(text: Self.column)
        #expect(document.headings == ["农行某某县支行成功堵截一起诈骗", "防范宣传进社区"])
        #expect(document.sentences.count == 4)
        #expect(document.sentences.map(\.index) == [0, 1, 2, 3])
        #expect(document.sentences.map(\.blockIndex) == [2, 3, 3, 5])
        #expect(document.bodyText.split(separator: "\n").count == 3)
    }

    @Test func emptyInput() {
        #expect(Reflow.blocks(of: "").isEmpty)
        #expect(Reflow.blocks(of: "\n \n\u{3000}\n").isEmpty)
        let document = PreparedDocument(text: "")
        #expect(document.sentences.isEmpty && document.headings.isEmpty && document.bodyText.isEmpty)
    }
}
