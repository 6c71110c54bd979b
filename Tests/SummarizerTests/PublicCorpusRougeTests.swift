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

    /// CLTS against both LEAD baselines of the peers' harness: whole-sentence LEAD (0.1134)
    /// and LEAD-chars, the first reference-length characters cut mid-sentence (0.134).
    /// Whole-sentence summaries (the default) beat LEAD; reaching LEAD-chars takes filling
    /// the budget with a sentence's leading clauses (``SummaryOptions/cutsSentenceAtClause``).
    @Test func cltsAgainstBothLeadBaselines() throws {
        guard let url = TestPaths.data("clts_samples/samples.jsonl") else { return }
        let records = try SummaryRecord.load(jsonlAt: url)
        #expect(records.count == 7)
        let background = try BackgroundIDF(contentsOf: TestPaths.newsIDF)
        let wholeSentences = SummaryEvaluation.evaluate(Summarizer(background: background), on: records)
        var options = SummaryOptions()
        options.cutsSentenceAtClause = true
        let filled = SummaryEvaluation.evaluate(Summarizer(options: options, background: background), on: records)
        let lead = SummaryEvaluation.evaluateLead(on: records)
        let leadCharacters = SummaryEvaluation.evaluateLeadCharacters(on: records)
        #expect(abs(lead.rougeL.f1 - 0.1134) < 0.0005, "LEAD sanity check: \(lead.rougeL.f1)")
        #expect(abs(leadCharacters.rougeL.f1 - 0.134) < 0.0005, "LEAD-chars sanity check: \(leadCharacters.rougeL.f1)")
        #expect(wholeSentences.rougeL.f1 > lead.rougeL.f1, "whole sentences \(wholeSentences.rougeL.f1) LEAD \(lead.rougeL.f1)")
        #expect(filled.rougeL.f1 >= leadCharacters.rougeL.f1, "filled \(filled.rougeL.f1) LEAD-chars \(leadCharacters.rougeL.f1)")
    }
}
