import Foundation
import Testing

/// Issue #19 item 2: data sets whose fields have other names, and messages that name the field.
@Suite("Record field options")
struct FieldOptionsCLITests {
    @Test func labelReadsOtherFieldNames() throws {
        let out = try CLIRunner.run(["label", "--id-field", "doc", "--text-field", "content"], stdin: """
            {"doc":"x1","content":"矿山企业开展安全生产隐患排查整治。"}
            {"doc":"x2","text":"没有 content 字段。"}

            """)
        #expect(out.records.first?["id"] as? String == "x1")
        #expect(out.records.first?["label"] as? String == "safety_production")
        #expect(out.records.last?["error"] as? String == #"missing text (no "content" field)"#)
    }

    @Test func trainAndEvalReadOtherFieldNamesAndNameTheMissingOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-fields-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("d.jsonl")
        let lines = (0..<12).map { k in
            k % 2 == 0 ? #"{"body":"矿山企业开展安全生产隐患排查整治\#(k)。","topic":"safety","fold":\#(k % 2)}"#
                : #"{"body":"民警提醒群众防范电信网络诈骗\#(k)。","topic":"fraud","fold":\#(k % 2)}"#
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: data)
        let model = folder.appendingPathComponent("m.dsmodel").path
        let train = try CLIRunner.run(["train", data.path, "--text-field", "body", "--label-field", "topic", "--out", model])
        #expect(train.status == 0, "\(train.stderr)")
        let missing = try CLIRunner.run(["train", data.path, "--text-field", "body", "--out", model])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(#"\#(data.path): line 1: no "label" field"#), "\(missing.stderr)")
        let eval = try CLIRunner.run(["eval", data.path, "--text-field", "body", "--label-field", "topic", "--model", model, "--json"])
        // One schema: the library's EvaluationReport keys.
        let report = try #require(eval.records.first)
        for key in ["accuracy", "macro_f1", "per_class", "confusion_matrix", "count", "labels", "seconds"] {
            #expect(report[key] != nil, "\(key)")
        }
    }
}

@Suite("Label output schema")
struct LabelSchemaCLITests {
    @Test func jsonlKeysComeInTheLibrarysOrder() throws {
        let out = try CLIRunner.run(["label", "--summary", "--explain"],
                                    stdin: #"{"id":"k","text":"民警提醒群众提高防范电信网络诈骗意识，切勿向陌生人转账。"}"# + "\n")
        let line = try #require(out.stdout.split(separator: "\n").first.map(String.init))
        let order = ["id", "label", "confidence", "scores", "secondary", "summary", "sentences", "keywords", "explanation"]
        let positions = order.map { line.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }
}

@Suite("Seed manifest and flat output")
struct ManifestAndFlatOutputCLITests {
    @Test func labelReadsASeedManifestAsItsArticles() throws {
        let out = try CLIRunner.run(["label", "seeds/articles.json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.records.count == 37)
        #expect((out.records.first?["id"] as? String)?.hasPrefix("s0") == true)
    }

    @Test func controlCharactersInIdsStayInTheirCell() throws {
        let input = #"{"id":"a\tb\nc","text":"矿山企业开展安全生产隐患排查整治。"}"# + "\n"
        let table = try CLIRunner.run(["label", "--format", "table"], stdin: input)
        #expect(table.stdout.split(separator: "\n").count == 2)
        #expect(table.stdout.contains(#"a\tb\nc"#))
        let csv = try CLIRunner.run(["label", "--format", "csv"], stdin: input)
        #expect(csv.stdout.contains("\"a\tb\nc\""))
    }
}
