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
            // Per-topic probabilities: each in [0, 1]; they need not sum to 1.
            #expect(scores.values.allSatisfy { $0 >= 0 && $0 <= 1 })
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
        #expect(lines.first == (["id", "label", "confidence", "secondary"] + LabelCLITests.topics + ["error"]).joined(separator: ","))
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

@Suite("docsift eval report and label thresholds (issue 18)")
struct EvalReportCLITests {
    /// A held-out evaluation with Chinese labels: columns aligned by display width, the
    /// confusion matrix headed by the labels, calibration and abstain rate reported, and
    /// `--mistakes` listing the misclassified documents with `--model`.
    @Test func textReportAlignsChineseLabelsAndListsMistakesWithAModel() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lines = [
            ("体育", "主队在联赛中以三比一战胜客队，前锋梅开二度。"), ("体育", "篮球运动员在季后赛中砍下四十分。"),
            ("体育", "马拉松比赛吸引两万名跑者参赛。"), ("体育", "游泳队在全国锦标赛上夺得三枚金牌。"),
            ("财经", "央行下调存款准备金率，释放长期资金。"), ("财经", "上证指数收涨百分之一，成交额放大。"),
            ("财经", "多家银行下调房贷利率，贷款需求回暖。"), ("财经", "公司发布年报，净利润同比增长两成。"),
            ("财经", "足球俱乐部的股票在联赛夺冠后上涨。"),
        ]
        let data = scratch.appendingPathComponent("news.jsonl")
        try Data(lines.enumerated().map { "{\"id\":\"\($0.offset)\",\"label\":\"\($0.element.0)\",\"text\":\"\($0.element.1)\"}" }
            .joined(separator: "\n").utf8).write(to: data)
        let model = scratch.appendingPathComponent("m.dsmodel").path
        #expect(try CLIRunner.run(["train", data.path, "--out", model]).status == 0)
        let out = try CLIRunner.run(["eval", data.path, "--model", model, "--mistakes"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = out.stdout.split(separator: "\n").map(String.init)
        // Per-class rows: the figures start in the same display column for both labels.
        let rows = report.filter { $0.hasPrefix("体育 ") || $0.hasPrefix("财经 ") }
        #expect(rows.count == 4)  // per-class table and confusion matrix
        let header = try #require(report.first { $0.hasPrefix("label") })
        let firstRow = try #require(rows.first)
        let firstFigure = firstRow.firstIndex { $0.isNumber }.map { firstRow.distance(from: firstRow.startIndex, to: $0) } ?? 0
        let headerFigure = header.range(of: "precision").map { header.distance(from: header.startIndex, to: $0.lowerBound) } ?? -1
        #expect(firstFigure + 2 == headerFigure)  // two display-width characters are two columns each
        #expect(report.contains { $0.contains("体育") && $0.contains("财经") && !$0.hasPrefix("体育") })  // column headers
        #expect(report.contains { $0.hasPrefix("calibration of the label's confidence: ECE") })
        #expect(report.first?.contains("abstain rate") == true)
        let json = try CLIRunner.run(["eval", data.path, "--model", model, "--json"])
        let record = try #require(json.records.first)
        #expect((record["calibration"] as? [String: Any])?["bins"] as? [Any] != nil)
        #expect(record["abstain_rate"] as? Double == 0)
        // Each mistake (if any) is one line naming the true and the predicted label.
        let accuracy = try #require(record["accuracy"] as? Double)
        let mistakes = out.stderr.split(separator: "\n").filter { $0.hasPrefix("eval: #") }
        #expect(mistakes.count == Int((1 - accuracy) * Double(lines.count) + 0.5))
    }

    /// The seed manifest's secondary topics are scored; `--threshold` and `--secondary-min`
    /// change the decision; `--uncertain N` writes N records.
    @Test func secondaryTopicsThresholdsAndUncertainDocuments() throws {
        let eval = try CLIRunner.run(["eval", "seeds/articles.json", "--model", "Models/default-topics.dsmodel", "--json"])
        let secondary = try #require(eval.records.first?["secondary"] as? [String: Any])
        #expect(secondary["gold"] as? Int == 11)
        let text = "{\"id\":\"a\",\"text\":\"民警提醒市民警惕电信诈骗，不要向陌生账户转账，谨防冒充客服退款。\"}\n"
        let strict = try CLIRunner.run(["label", "--threshold", "anti_fraud=1", "--threshold", "party_building=1",
                                        "--threshold", "rural_revitalization=1", "--threshold", "safety_production=1"], stdin: text)
        #expect(strict.records.first?["label"] as? String == "other")
        let all = try CLIRunner.run(["label", "--secondary-min", "0"], stdin: text)
        #expect(((all.records.first?["secondary"] as? [String])?.count ?? 0) >= 3)
        let bad = try CLIRunner.run(["label", "--threshold", "fraud=0.5"], stdin: text)
        #expect(bad.status != 0 && bad.stderr.contains("no such topic"))
        let split = try CLIRunner.run(["split", "seeds/pages"])
        let picked = try CLIRunner.run(["label", "--uncertain", "5"], stdin: split.stdout)
        #expect(picked.records.count == 5)
        let help = try CLIRunner.run(["help", "label"])
        #expect(help.stdout.contains("probability that the document is about"))
    }
}
