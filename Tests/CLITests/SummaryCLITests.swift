import Foundation
import Testing

@Suite("docsift summarize and eval-summary")
struct SummaryCLITests {
    static let lcsts = CLIRunner.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/lcsts_part3/part3.jsonl")

    @Test func summariesOfSplitSeedPagesStayInBudgetAndOrder() throws {
        let split = try CLIRunner.run(["split", "seeds/pages"])
        let one = try CLIRunner.run(["summarize", "--max-chars", "120", "--threads", "1"], stdin: split.stdout)
        let two = try CLIRunner.run(["summarize", "--max-chars", "120", "--threads", "2"], stdin: split.stdout)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
        let records = one.records
        #expect(records.map { $0["id"] as? String } == split.records.map { $0["id"] as? String })
        for record in records {
            let summary = try #require(record["summary"] as? String)
            #expect(!summary.isEmpty && summary.unicodeScalars.count <= 120)
            let indices = try #require(record["sentences"] as? [Int])
            #expect(indices == indices.sorted())
            #expect((record["keywords"] as? [String])?.isEmpty == false)
        }
    }

    @Test func recordBudgetOverridesTheFlag() throws {
        let text = "第一句话说明今天的主要新闻内容。第二句话补充了更多的细节和背景信息。第三句话是结尾。"
        let input = "{\"id\":\"a\",\"text\":\"\(text)\",\"max_chars\":20}\n{\"id\":\"b\",\"text\":\"\(text)\"}\n"
        let out = try CLIRunner.run(["summarize", "--max-chars", "100"], stdin: input)
        let summaries = out.records.compactMap { $0["summary"] as? String }
        #expect(summaries.count == 2)
        #expect(summaries[0].unicodeScalars.count <= 20)
        #expect(summaries[1].unicodeScalars.count > 20)
    }

    @Test func lcstsRougeBeatsLeadByTwoPoints() throws {
        guard FileManager.default.fileExists(atPath: SummaryCLITests.lcsts.path) else {
            print("skipped: \(SummaryCLITests.lcsts.path) not found (the public corpora live in ../shared/data)")
            return
        }
        let out = try CLIRunner.run(["eval-summary", SummaryCLITests.lcsts.path, "--budget", "reference",
                                     "--min-human-score", "3", "--lead", "--json"])
        #expect(out.status == 0)
        let result = try #require(out.records.first)
        let lead = try #require(result["lead"] as? [String: Any])
        let ours = try #require(result["rouge_l"] as? Double)
        let leadL = try #require(lead["rouge_l"] as? Double)
        print("eval-summary LCSTS part III: DocSift ROUGE-L \(ours), LEAD \(leadL)")
        #expect(result["documents"] as? Int == 725)
        #expect(abs(leadL - 0.215) < 0.002)
        #expect(ours >= 0.235)
    }

    /// CLTS: the figures the issue compares, as `eval-summary --lead` prints them.
    @Test func cltsRougeReachesLeadChars() throws {
        let clts = SummaryCLITests.lcsts.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("clts_samples/samples.jsonl")
        guard FileManager.default.fileExists(atPath: clts.path) else {
            print("skipped: \(clts.path) not found (the public corpora live in ../shared/data)")
            return
        }
        let json = try CLIRunner.run(["eval-summary", clts.path, "--budget", "reference", "--lead", "--json", "--fill-with-clauses"])
        #expect(json.status == 0)
        let result = try #require(json.records.first)
        let ours = try #require(result["rouge_l"] as? Double)
        let leadChars = try #require((result["lead_chars"] as? [String: Any])?["rouge_l"] as? Double)
        #expect(abs(leadChars - 0.134) < 0.0005)
        #expect(ours >= leadChars, "DocSift --fill-with-clauses \(ours) LEAD-chars \(leadChars)")
        let whole = try CLIRunner.run(["eval-summary", clts.path, "--budget", "reference", "--lead", "--json"])
        let wholeResult = try #require(whole.records.first)
        let lead = try #require((wholeResult["lead"] as? [String: Any])?["rouge_l"] as? Double)
        #expect(try #require(wholeResult["rouge_l"] as? Double) > lead)
        let table = try CLIRunner.run(["eval-summary", clts.path, "--budget", "reference", "--lead"])
        let rows = table.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("LEAD-chars ") && $0.contains("0.134") })
    }

    @Test func budgetFlagsAreChecked() throws {
        #expect(try CLIRunner.run(["eval-summary", "x.jsonl"]).status != 0)
        #expect(try CLIRunner.run(["summarize", "--max-chars", "0"]).status != 0)
    }
}
