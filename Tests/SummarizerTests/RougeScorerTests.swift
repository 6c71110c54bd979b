import Testing
import DocSift

@Suite struct RougeScorerTests {
    let scorer = RougeScorer()

    @Test func handCheckedScores() {
        // 北京天气很好 vs 北京天气不好: 5 of 6 characters shared, 3 of 5 bigrams, LCS 5.
        let s = scorer.score(hypothesis: "北京天气很好", reference: "北京天气不好")
        #expect(abs(s.rouge1.f1 - 5.0 / 6.0) < 1e-9)
        #expect(abs(s.rouge2.precision - 0.6) < 1e-9)
        #expect(abs(s.rouge2.f1 - 0.6) < 1e-9)
        #expect(abs(s.rougeL.f1 - 5.0 / 6.0) < 1e-9)
    }

    @Test func clippedCounts() {
        // 好好好 against 好: one match only.
        let s = scorer.score(hypothesis: "好好好", reference: "好")
        #expect(abs(s.rouge1.precision - 1.0 / 3.0) < 1e-9)
        #expect(s.rouge1.recall == 1)
        #expect(s.rouge2.f1 == 0)
    }

    @Test func punctuationWhitespaceAndCaseAreIgnored() {
        let s = scorer.score(hypothesis: "北京， 天气“好”。ABC", reference: "北京天气好abc")
        #expect(s.rouge1.f1 == 1)
        #expect(s.rouge2.f1 == 1)
        #expect(s.rougeL.f1 == 1)
        #expect(scorer.units(of: "a，b。c！d？e；f：g、h（i）j“k”l—m…n《o》") .count == 15)
        #expect(RougeScorer(keepsPunctuation: true).units(of: "a，b").count == 3)
    }

    @Test func emptyTextsScoreZero() {
        #expect(scorer.score(hypothesis: "", reference: "北京").rougeL.f1 == 0)
        #expect(scorer.score(hypothesis: "北京", reference: "").rouge1.f1 == 0)
        #expect(scorer.score(hypothesis: "。，", reference: "！").rouge2.f1 == 0)
    }

    @Test func lcsMatchesDynamicProgrammingOnLongTexts() {
        // Texts longer than one 64-bit word exercise the carried bit-parallel LCS.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年".unicodeScalars)
        for _ in 0..<20 {
            let a = (0..<Int.random(in: 1...200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 1...200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var previous = [Int](repeating: 0, count: b.count + 1)
            for x in a {
                var current = [Int](repeating: 0, count: b.count + 1)
                for (j, y) in b.enumerated() {
                    current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
                }
                previous = current
            }
            let s = scorer.score(hypothesis: String(String.UnicodeScalarView(a)), reference: String(String.UnicodeScalarView(b)))
            #expect(abs(s.rougeL.recall - Double(previous[b.count]) / Double(b.count)) < 1e-9)
        }
    }

    @Test func leadBaselineFollowsTheHarness() {
        let text = "第一句很短。第二句稍微长一点！第三句？"
        #expect(LeadBaseline.harnessSentences(of: text) == ["第一句很短。", "第二句稍微长一点！", "第三句？"])
        #expect(LeadBaseline.summary(of: text, maxCharacters: 15) == "第一句很短。第二句稍微长一点！")
        #expect(LeadBaseline.summary(of: text, maxCharacters: 14) == "第一句很短。")
        #expect(LeadBaseline.summary(of: text, maxCharacters: 3) == "第一句")
        #expect(LeadBaseline.harnessSentences(of: "他说：“好。”然后走了") == ["他说：“好。”", "然后走了"])
    }
}
