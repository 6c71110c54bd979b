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

    @Test func commaInShortLines() {
        // Narrow columns: a short line with a comma between blank lines is a heading.
        let column = """
        聚焦实干担当的工作中，县里各部门积极参与，
        形成了合力，取得明显成效，群众纷纷点赞。

        聚焦主责主业，聚力惠民生

        各基层党组织紧盯影响和制约高质量发展的问
        题短板，直击现场听民意，直面群众解民忧。
        """
        #expect(Reflow.blocks(of: column).map(\.kind) == [.paragraph, .heading, .paragraph])
        // Long lines: a short line with a comma before a blank line is a cut paragraph.
        let long = """
        本报讯（某某）“现在，街道两旁安装了一排充电桩，电动车充电有了着落，社区环境也变得整洁了。”近日，某区纪委监委在辖区街道开展专项监督回访时，社区居民王阿姨满意地说。

        此前，某区纪委监委以开展全国文

        明城市创建工作为契机，聚焦电动车“飞线”充电、楼道充电、消防通道堵塞等问题，开展“飞线”治理专项监督。
        """
        let blocks = Reflow.blocks(of: long)
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph])
        #expect(blocks.last?.text.hasPrefix("此前，某区纪委监委以开展全国文明城市创建工作为契机") == true)
    }

    @Test func photoDescriptionWithoutCreditIsACaption() {
        let text = "某某说明。\n\n近日，某县开展植树活动。图为志愿者在植树。\n\n下一段正文。"
        let blocks = Reflow.blocks(of: text)
        #expect(blocks.map(\.kind) == [.paragraph, .caption, .paragraph])
        // "图为" inside a sentence is ordinary text.
        #expect(Reflow.blocks(of: "他说企图为难别人是不对的。").map(\.kind) == [.paragraph])
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
