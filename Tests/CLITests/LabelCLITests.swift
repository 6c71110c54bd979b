import Foundation
import Testing

@Suite("docsift label, train and eval")
struct LabelCLITests {
    static let topics = ["party_building", "rural_revitalization", "safety_production", "anti_fraud", "other"]

    @Test func labelsSplitSeedPagesWithTheDefaultModel() throws {
        let split = try CLIRunner.run(["split", "seeds/pages"])
        let one = try CLIRunner.run(["label", "--summary", "--threads", "1"], stdin: split.stdout)
        let two = try CLIRunner.run(["label", "--summary", "--threads", "2"], stdin: split.stdout)
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(one.stdout == two.stdout)
        let records = one.records
        #expect(records.map { $0["id"] as? String } == split.records.map { $0["id"] as? String })
        for record in records {
            let label = try #require(record["label"] as? String)
            #expect(LabelCLITests.topics.contains(label))
            let scores = try #require(record["scores"] as? [String: Double])
            #expect(Set(scores.keys) == Set(LabelCLITests.topics))
            #expect(abs(scores.values.reduce(0, +) - 1) < 1e-3)
            #expect(!(record["secondary"] as? [String] ?? []).contains(label))
            #expect(((record["summary"] as? String) ?? "").unicodeScalars.count <= 120)
        }
        // The page's anti-fraud story (a bank stopping a telecom scam) is labeled anti_fraud.
        let fraud = try #require(zip(split.records, records).first { ($0.0["title"] as? String ?? "").contains("电信诈骗") })
        #expect(fraud.1["label"] as? String == "anti_fraud")
    }

    @Test func explainListsNGramsThatPushedTheLabel() throws {
        let input = #"{"id":"x","text":"派出所民警走进社区开展反诈宣传，提醒居民警惕电信网络诈骗，不要向陌生账户转账。"}"#
        let out = try CLIRunner.run(["label", "--explain", "--explain-top", "5"], stdin: input + "\n")
        let record = try #require(out.records.first)
        #expect(record["label"] as? String == "anti_fraud")
        let explanation = try #require(record["explanation"] as? [String: [[String: Any]]])
        let grams = try #require(explanation["anti_fraud"])
        #expect(grams.count == 5)
        let weights = grams.compactMap { $0["weight"] as? Double }
        #expect(weights == weights.sorted(by: >) && weights.allSatisfy { $0 > 0 })
        #expect(grams.contains { ($0["ngram"] as? String ?? "").contains("诈") || ($0["ngram"] as? String ?? "").contains("骗") })
    }

    @Test func csvAndTableFormats() throws {
        let input = "{\"id\":\"a\",\"text\":\"煤矿开展安全生产隐患排查。\"}\n{oops\n"
        let csv = try CLIRunner.run(["label", "--format", "csv"], stdin: input)
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == (["id", "label", "secondary"] + LabelCLITests.topics + ["error"]).joined(separator: ","))
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("stdin:2,") && lines[2].hasSuffix(",malformed JSON"))
        let table = try CLIRunner.run(["label", "--format", "table"], stdin: input)
        #expect(table.stdout.split(separator: "\n").count == 3)
    }

    @Test func trainEvalRoundTripOnAJSONLCorpus() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A tiny two-topic corpus with two groups.
        var lines: [String] = []
        let sports = ["足球比赛进球", "篮球联赛冠军", "运动员夺得金牌", "球队主教练表示"]
        let money = ["股票市场上涨", "银行贷款利率", "基金收益下降", "投资者关注财报"]
        for (k, (s, m)) in zip(sports, money).enumerated() {
            let fold = k % 2
            lines.append("{\"text\":\"\(s)，本场\(s)。\",\"label\":\"sports\",\"fold\":\(fold)}")
            lines.append("{\"text\":\"\(m)，今日\(m)。\",\"label\":\"finance\",\"fold\":\(fold)}")
        }
        let data = scratch.appendingPathComponent("train.jsonl")
        try lines.joined(separator: "\n").write(to: data, atomically: true, encoding: .utf8)
        let model = scratch.appendingPathComponent("m.dsmodel").path
        let train = try CLIRunner.run(["train", data.path, "--out", model])
        #expect(train.status == 0, "\(train.stderr)")
        let again = scratch.appendingPathComponent("m2.dsmodel").path
        _ = try CLIRunner.run(["train", data.path, "--out", again])
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == Data(contentsOf: URL(fileURLWithPath: again)))
        let eval = try CLIRunner.run(["eval", data.path, "--model", model, "--json"])
        let metrics = try #require(eval.records.first)
        #expect(metrics["accuracy"] as? Double == 1)
        let cv = try CLIRunner.run(["eval", data.path, "--cv-field", "fold", "--json"])
        let folds = try #require(cv.records.first?["folds"] as? [[String: Any]])
        #expect(folds.count == 2)
        // A corrupt model is a clear error naming the file, not a crash.
        try Data([0x44, 0x53, 0x54]).write(to: URL(fileURLWithPath: again))
        let bad = try CLIRunner.run(["label", "--model", again], stdin: "{\"id\":\"a\",\"text\":\"足球\"}\n")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains(again))
    }

    @Test func leaveOnePageOutOnTheSeeds() throws {
        let out = try CLIRunner.run(["eval", "seeds/articles.json", "--cv-field", "page", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let result = try #require(out.records.first)
        let macroF1 = try #require(result["macro_f1"] as? Double)
        let perClass = try #require(result["per_class"] as? [String: [String: Any]])
        let fraudRecall = try #require(perClass["anti_fraud"]?["recall"] as? Double)
        print("docsift eval seeds/articles.json --cv-field page: macro-F1 \(macroF1), anti_fraud recall \(fraudRecall)")
        #expect(macroF1 >= 0.80)
        #expect(fraudRecall > 0)
        #expect((result["folds"] as? [Any])?.count == 5)
    }
}
