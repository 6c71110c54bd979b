@testable import CDocSift
import DocSift
import DocSiftServer
import Foundation
import Testing

/// Issue #14 item 4: one output schema, written by the library (``LabeledDocument`` and its
/// JSON writer). The CLI, the HTTP server and the C interface give the same bytes for the
/// same seed article.
@Suite("One output schema: CLI, server and C interface agree byte for byte")
struct OutputSchemaAgreementTests {
    /// The seed articles as CLI input records (one JSONL line each) and as request documents.
    static func seedInput() throws -> (jsonl: String, documents: [[String: String]]) {
        let articles = try TestSupport.seedArticles()
        try #require(articles.count >= 30, "docsift split seeds/pages gave \(articles.count) articles")
        let documents = articles.map { article in
            ["id": article["id"] as? String ?? "", "text": article["text"] as? String ?? "", "title": article["title"] as? String ?? ""]
        }
        let jsonl = try documents.map { String(decoding: try TestSupport.json($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        return (jsonl, documents)
    }

    /// The C interface's record for one document (`docsift_label` or `docsift_summarize`).
    static func cRecord(_ handle: OpaquePointer, _ document: [String: String], summarize: Bool) throws -> String {
        let text = Array((document["text"] ?? "").utf8), title = Array((document["title"] ?? "").utf8)
        var output: UnsafeMutablePointer<CChar>?
        var error: UnsafeMutablePointer<CChar>?
        let status = text.withUnsafeBufferPointer { textBytes in
            title.withUnsafeBufferPointer { titleBytes in
                textBytes.withMemoryRebound(to: CChar.self) { textChars in
                    titleBytes.withMemoryRebound(to: CChar.self) { titleChars in
                        summarize
                            ? docsift_summarize(handle, textChars.baseAddress, textChars.count, titleChars.baseAddress,
                                                titleChars.count, 0, &output, &error)
                            : docsift_label(handle, textChars.baseAddress, textChars.count, titleChars.baseAddress,
                                            titleChars.count, 0, &output, &error)
                    }
                }
            }
        }
        defer {
            docsift_free(output)
            docsift_free(error)
        }
        try #require(status == 0, "\(error.map { String(cString: $0) } ?? "status \(status)")")
        return try #require(output.map { String(cString: $0) })
    }

    /// `{"id":…,` + the C interface's record without its opening brace.
    static func withID(_ id: String, _ record: String) -> String {
        #"{"id":"# + RecordJSON.string(id).text + "," + record.dropFirst()
    }

    @Test(arguments: ["label", "summarize"])
    func sameBytesOnTheSeedArticles(verb: String) async throws {
        let (jsonl, documents) = try Self.seedInput()
        let cli = try TestSupport.run(TestSupport.docsiftBinary, [verb], stdin: jsonl)
        #expect(cli.status == 0, "\(cli.stderr)")
        let cliLines = cli.stdout.split(separator: "\n").map(String.init)
        try #require(cliLines.count == documents.count)

        var handle: OpaquePointer?
        #expect(docsift_open(nil, nil, &handle, nil) == 0)
        let model = try #require(handle)
        defer { docsift_close(model) }
        let cLines = try documents.map { try Self.withID($0["id"] ?? "", Self.cRecord(model, $0, summarize: verb == "summarize")) }
        #expect(cLines == cliLines)

        try await RunningServer.with { port in
            let batch = try await TestSupport.request("POST", port: port, path: "/v1/\(verb)",
                                                      body: TestSupport.json(["documents": documents]))
            #expect(batch.text == #"{"results":["# + cliLines.joined(separator: ",") + "]}\n")
            for (document, line) in zip(documents.prefix(5), cliLines) {
                let single = try await TestSupport.request("POST", port: port, path: "/v1/\(verb)", body: TestSupport.json(document))
                #expect(single.text == line + "\n")
            }
        }
    }

    @Test func theLibrarysEncodableConformanceHasTheSameKeysAndRoundedNumbers() throws {
        let model = try TopicModel.loadDefault()
        let text = "民警提醒群众提高防范电信网络诈骗意识，切勿向陌生人转账。"
        let document = LabeledDocument(id: "d\t1", prediction: model.classify(text))
        let encoded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
        let written = try #require(try JSONSerialization.jsonObject(with: Data(document.jsonUTF8)) as? [String: Any])
        #expect(NSDictionary(dictionary: encoded) == NSDictionary(dictionary: written))
        #expect(document.json.hasPrefix(#"{"id":"d\t1","label":"anti_fraud","confidence":0."#))
        #expect(document.json.contains(#","scores":{"party_building":"#))
        #expect(LabeledDocument(id: "x", error: "empty document").json == #"{"id":"x","error":"empty document"}"#)
    }
}
