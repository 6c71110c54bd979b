import Foundation
import Testing
import DocSift

/// ROUGE on the public benchmarks (skipped when `../shared/data` is absent).
@Suite struct PublicCorpusRougeTests {
    @Test func lcstsBeatsLeadByTwoPoints() throws {
        guard let url = TestPaths.data("lcsts_part3/part3.jsonl") else { return }
        let records = try SummaryRecord.load(jsonlAt: url, minimumHumanScore: 3)
        #expect(records.count == 725)
        let lead = SummaryEvaluation.evaluateLead(on: records)
        #expect(abs(lead.rougeL.f1 - 0.215) < 0.002, "LEAD sanity check: \(lead.rougeL.f1)")
        let summarizer = Summarizer(background: try BackgroundIDF(contentsOf: TestPaths.newsIDF))
        let ours = SummaryEvaluation.evaluate(summarizer, on: records)
        #expect(ours.rougeL.f1 >= 0.235, "ROUGE-L \(ours.rougeL.f1)")
        #expect(ours.averageSummaryCharacters <= records.map { Double($0.summary.unicodeScalars.count) }.reduce(0, +) / 725)
    }

    @Test func cltsAtLeastLead() throws {
        guard let url = TestPaths.data("clts_samples/samples.jsonl") else { return }
        let records = try SummaryRecord.load(jsonlAt: url)
        #expect(records.count == 7)
        let summarizer = Summarizer(background: try BackgroundIDF(contentsOf: TestPaths.newsIDF))
        let ours = SummaryEvaluation.evaluate(summarizer, on: records)
        let lead = SummaryEvaluation.evaluateLead(on: records)
        #expect(ours.rougeL.f1 >= lead.rougeL.f1, "ours \(ours.rougeL.f1) LEAD \(lead.rougeL.f1)")
    }
}
