import Foundation
import Testing
@testable import DocSiftCorpus

/// The record parser must accept exactly the JSON objects Foundation's parser accepts (a
/// repeated key aside, which it reports), with the same strings; numbers it keeps as written.
@Suite("JSONL parser agrees with Foundation's JSON parser")
struct FlatJSONObjectTests {
    func bothWays(_ line: String) -> (ours: [(key: String, value: FlatJSONObject.Value)]?, foundation: [String: Any]?) {
        let bytes = Array(line.utf8)
        return (FlatJSONObject.parse(bytes), (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any])
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
    func sameObjectOrError(line: String) {
        let (ours, foundation) = bothWays(line)
        if line == #"{"text": "t",}"# {
            #expect(ours == nil)  // stricter than Foundation on Linux, which allows a trailing comma
            return
        }
        if line.contains(#""text": "dup""#) {
            #expect(ours == nil)
            #expect(JSONLRecordParser.failureReason(Array(line.utf8)) == "a key is repeated")
            return
        }
        #expect((ours == nil) == (foundation == nil), "\(line)")
        guard let ours, let foundation else { return }
        #expect(ours.count == foundation.count)
        for (key, value) in ours {
            if case .string(let text) = value { #expect(foundation[key] as? String == text, "\(line) \(key)") }
        }
    }

    @Test func invalidUTF8IsReportedAsSuch() {
        var bytes = Array(#"{"text": "ab"}"#.utf8)
        bytes.insert(0xFF, at: 11)
        let ours = JSONLRecordParser.parse(bytes, fallbackID: "f:1")
        #expect(ours == .failure(InputRecordError(id: "f:1", reason: "invalid UTF-8")))
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
            while case .text(let line)? = try reader.next() {
                number += 1
                if FlatJSONObject.parse(line) != nil { fastPathLines += 1 }
                let ours = try? JSONLRecordParser.parse(line, fallbackID: "\(file):\(number)").get()
                let foundation = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
                #expect(ours?.text == foundation?["text"] as? String, "\(file):\(number)")
            }
        }
        #expect(fastPathLines > 30_000)  // the public corpora are flat records
    }
}
