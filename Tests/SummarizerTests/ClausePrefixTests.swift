import Testing
@testable import DocSiftSummarizer

/// Leading clauses of sentences from the seed pages and a CLTS article.
@Suite struct ClausePrefixTests {
    func prefix(_ sentence: String, limit: Int, minimum: Int = 8) -> String? {
        let scalars = Array(sentence.unicodeScalars)
        return ClausePrefix.length(of: scalars[...], limit: limit, minimum: minimum).map {
            String(String.UnicodeScalarView(scalars[..<$0]))
        }
    }

    @Test func longestRunOfWholeClausesThatFits() {
        let sentence = "当日上午10时左右，九龙县支行营业大厅内，一位客户在超级柜台办理转账业务时，不停地通过微信发送消息，且非常谨慎地拒绝大堂经理为其指导，引起了大堂经理的注意。"
        #expect(prefix(sentence, limit: 30) == "当日上午10时左右，九龙县支行营业大厅内，")
        #expect(prefix(sentence, limit: 20) == "当日上午10时左右，")
        // 当日上午10时左右 has 9 letters and digits: too short for a minimum of 10.
        #expect(prefix(sentence, limit: 12, minimum: 10) == nil)
        #expect(prefix(sentence, limit: 8) == nil)
        #expect(prefix(sentence, limit: 1_000) == "当日上午10时左右，九龙县支行营业大厅内，一位客户在超级柜台办理转账业务时，不停地通过微信发送消息，且非常谨慎地拒绝大堂经理为其指导，")
    }

    @Test func neverInsideQuotesNorBeforeWhatIsSaid() {
        // Every comma after 说道： is inside the quotation.
        #expect(prefix("现场工友们兴奋地说道：“在移动农行办理工资卡，只需要进行个人信息填写、人脸识别、设置密码、电子签名等简单操作，不到5分钟就拿到工资卡了，真是太方便快捷了，我的工资终于能够按时发放了！”", limit: 100) == nil)
        // The end of a quotation opened in an earlier sentence.
        #expect(prefix("现在有了这个爱心餐厅，跟朋友聚会聊天后还能解决吃饭问题，真的很贴心。”", limit: 60) == nil)
        #expect(prefix("近日，在江西省赣州市经开区凤岗镇龙泉水村，村民邱先生说，现在龙泉水村通过红白喜事操办提前报备，操办白事限制桌数、天数，形成了“喜事新办、丧事简办”的文明新风尚。", limit: 40)
                == "近日，在江西省赣州市经开区凤岗镇龙泉水村，")
        // 来说 of 对于…来说 is not a verb of saying (CLTS sample 6).
        #expect(prefix("单纯追逐实用性而忽略外表的美观，或者仅仅为了追求美观而失去实用性，对于如今挑剔的消费者来说，都是不能忽视的硬伤，只有将美观与实用相结合，并真正在两者间取得平衡的设计品，才能最终赢得关注。", limit: 52)
                == "单纯追逐实用性而忽略外表的美观，或者仅仅为了追求美观而失去实用性，对于如今挑剔的消费者来说，")
    }
}
