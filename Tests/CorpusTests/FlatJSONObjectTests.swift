import Foundation
import Testing
@testable import DocSiftCorpus

/// The flat-record fast path must read every line exactly as the general JSON parser does:
/// each case goes through both and the records (or errors) are compared.
@Suite("JSONL fast path agrees with the general parser")
struct FlatJSONObjectTests {
    func bothWays(_ line: String) -> (fast: Result<InputRecord, InputRecordError>, general: Result<InputRecord, InputRecordError>) {
        let bytes = Array(line.utf8)
        return (JSONLRecordParser.parse(bytes, fallbackID: "f:1"), JSONLRecordParser.parse(Data(bytes), fallbackID: "f:1"))
    }

    @Test(arguments: [
        #"{"id": "a", "text": "天气很好"}"#,
        #"{"id": 7, "text": "x", "label": 3, "fold": 0, "max_chars": 120}"#,
        #"{"text": "引号\"和\\反斜杠\/ \b\f\n\r\t", "title": "标题"}"#,
        #"{"text": "\u4e2d\u6587 and \ud83d\ude00 and \u0041"}"#,
        #"  {"text" : "spaces" , "summary":"s"}  "#,
        #"{"text": "r", "reference": "ref"}"#,
        #"{"text": 5}"#,
        #"{"id": "n"}"#,
        #"{"text": "t", "max_chars": "120"}"#,
        #"{"text": "t", "max_chars": 12.5}"#,
        #"{"text": "t", "max_chars": 1e2}"#,
        #"{"text": "t", "flag": true, "none": null}"#,
        #"{"text": "t", "nested": {"a": [1, 2]}}"#,
        #"{"text": "dup", "text": "second"}"#,
        #"{"id": -12, "text": "negative id"}"#,
        #"{"id": 12345678901234567890, "text": "big id"}"#,
        #"{"id": 007, "text": "leading zeros"}"#,
        #"{"text": "lone \ud800 surrogate"}"#,
        #"{"text": "bad \x escape"}"#,
        #"{"text": "unterminated}"#,
        #"{"text": "t",}"#,
        #"{"text": "t"} trailing"#,
        #"["not", "an", "object"]"#,
        #"{}"#,
        "{\"text\": \"raw\u{1}control\"}",
    ])
    func sameRecordOrError(line: String) {
        let (fast, general) = bothWays(line)
        switch (fast, general) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "\(line)")
        case (.failure(let a), .failure(let b)):
            #expect(a == b, "\(line)")
        default:
            Issue.record("fast \(fast) vs general \(general) for \(line)")
        }
    }

    @Test func invalidUTF8IsReportedAsSuch() {
        var bytes = Array(#"{"text": "ab"}"#.utf8)
        bytes.insert(0xFF, at: 11)
        let fast = JSONLRecordParser.parse(bytes, fallbackID: "f:1")
        #expect(fast == .failure(InputRecordError(id: "f:1", reason: "invalid UTF-8")))
    }

    @Test func everyLineOfThePublicCorporaReadsTheSameBothWays() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/data").standardizedFileURL
        let files = ["cnews_fulltext/cnews_subset.jsonl", "lcsts_part3/part3.jsonl", "nlpcc2017_headlines/headlines.jsonl"]
        guard FileManager.default.fileExists(atPath: data.appendingPathComponent(files[0]).path) else {
            print("skipped: ../shared/data (public corpora) is absent")
            return
        }
        var fastPathLines = 0
        for file in files {
            let reader = try LineReader(path: data.appendingPathComponent(file).path)
            var number = 0
            while let line = reader.nextLine() {
                number += 1
                if FlatJSONObject.parse(line) != nil { fastPathLines += 1 }
                let fast = JSONLRecordParser.parse(line, fallbackID: "\(file):\(number)")
                let general = JSONLRecordParser.parse(Data(line), fallbackID: "\(file):\(number)")
                #expect(fast == general, "\(file):\(number)")
            }
        }
        #expect(fastPathLines > 30_000)  // the public corpora are flat records
    }
}
