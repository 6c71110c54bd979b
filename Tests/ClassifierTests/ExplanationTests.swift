import DocSift
import Testing

@Suite("Explanations")
struct ExplanationTests {
    @Test func antiFraudTextIsExplainedByFraudNGrams() throws {
        let model = try #require(Fixtures.seedModel)
        let text = "银行工作人员及时劝阻，帮助老人识破电信诈骗，避免了一笔转账损失。"
        let top = model.explain(text, label: "anti_fraud", top: 5)
        #expect(top.count == 5)
        #expect(top.contains { $0.ngram.contains("诈") || $0.ngram.contains("骗") }, "top n-grams: \(top.map(\.ngram))")
        for item in top { #expect(abs(item.contribution - item.featureValue * item.weight) < 1e-6) }
        #expect(zip(top, top.dropFirst()).allSatisfy { $0.contribution >= $1.contribution })
    }

    @Test func explanationsFollowTheModelNotTheText() throws {
        let model = try #require(Fixtures.seedModel)
        let text = "煤矿开展安全隐患排查。"
        let safety = model.explain(text, label: "safety_production", top: 3).map(\.ngram)
        let fraud = model.explain(text, label: "anti_fraud", top: 3).map(\.ngram)
        #expect(safety != fraud)
        #expect(model.explain(text, label: "no_such_label").isEmpty)
    }
}
