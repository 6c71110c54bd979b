import Foundation
import Testing
import DocSift

@Suite struct EvaluationTests {
    func write(_ lines: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-eval-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    @Test func loadsRecordsWithScoresAndBudgets() throws {
        let url = try write([
            #"{"id": "a", "human_score": 5, "text": "第一句。第二句。", "summary": "第一句"}"#,
            #"{"id": "b", "human_score": 2, "text": "不要。", "summary": "不要"}"#,
            "",
            #"{"id": 7, "text": "第三句。", "reference": "第三", "max_chars": 2}"#,
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        let all = try SummaryRecord.load(jsonlAt: url)
        #expect(all.map(\.id) == ["a", "b", "7"])
        #expect(all[2].summary == "第三")
        #expect(all[2].maxCharacters == 2)
        // A minimum human score drops records without a score too (issue #17).
        let good = try SummaryRecord.load(jsonlAt: url, minimumHumanScore: 3)
        #expect(good.map(\.id) == ["a"])
        #expect(SummaryEvaluation.characters(for: good[0], budget: .referenceLength) == 3)
        #expect(SummaryEvaluation.characters(for: all[2], budget: .referenceLength) == 2)
        #expect(SummaryEvaluation.characters(for: good[0], budget: .fixed(10)) == 10)
    }

    @Test func badLinesAreTypedErrors() throws {
        let url = try write([#"{"id": "a", "text": "x", "summary": "y"}"#, "not json"])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: CorpusError.malformed(path: url.path, reason: "line 2: malformed JSON")) {
            try SummaryRecord.load(jsonlAt: url)
        }
        let missing = try write([#"{"id": "a", "text": "x"}"#])
        defer { try? FileManager.default.removeItem(at: missing) }
        #expect(throws: CorpusError.malformed(path: missing.path, reason: "record a: no \"summary\" field")) {
            try SummaryRecord.load(jsonlAt: missing)
        }
        #expect(throws: CorpusError.unreadable(path: "/nonexistent.jsonl", reason: "no such file or directory")) {
            try SummaryRecord.load(jsonlAt: URL(fileURLWithPath: "/nonexistent.jsonl"))
        }
    }

    @Test func leadCharactersCutsMidSentenceLikeTheHarness() {
        // A seed report, reflowed by hand: line breaks and indentation go, as in the harness.
        let text = "11月10日，农行甘孜九龙县支行成功堵截一起电信诈骗，避免客户遭受财产损失5.6万元。\n  当日上午10时左右，九龙县支行营业大厅内，一位客户在超级柜台办理转账业务时，不停地通过微信发送消息。"
        #expect(LeadBaseline.characterSummary(of: text, maxCharacters: 50)
                == "11月10日，农行甘孜九龙县支行成功堵截一起电信诈骗，避免客户遭受财产损失5.6万元。当日上午10时")
        #expect(LeadBaseline.characterSummary(of: text, maxCharacters: 10) == "11月10日，农行甘")
        #expect(LeadBaseline.characterSummary(of: text, maxCharacters: 0) == "")
        #expect(LeadBaseline.characterSummary(of: text, maxCharacters: 1_000).unicodeScalars.count == text.unicodeScalars.count - 3)
        // Whole-sentence LEAD stops before the second sentence.
        #expect(LeadBaseline.summary(of: text, maxCharacters: 50) == "11月10日，农行甘孜九龙县支行成功堵截一起电信诈骗，避免客户遭受财产损失5.6万元。")
    }

    @Test func meanRougeOverRecords() {
        let records = [
            SummaryRecord(id: "1", text: "北京天气很好。", summary: "北京天气很好"),
            SummaryRecord(id: "2", text: "上海下雨了。", summary: "广州很热"),
        ]
        // LEAD at the reference length: the first is exact, the second shares nothing.
        let lead = SummaryEvaluation.evaluateLead(on: records, budget: .fixed(20))
        #expect(lead.count == 2)
        #expect(abs(lead.rougeL.f1 - 0.5) < 1e-9)
        #expect(abs(lead.rouge1.f1 - 0.5) < 1e-9)
        let custom = SummaryEvaluation.evaluate(records: records, budget: .referenceLength) { record, _ in record.summary }
        #expect(custom.rouge2.f1 == 1)
        #expect(custom.rougeL.f1 == 1)
        let ours = SummaryEvaluation.evaluate(Summarizer(), on: records, budget: .fixed(20))
        #expect(abs(ours.rougeL.f1 - 0.5) < 1e-9)
    }
}
