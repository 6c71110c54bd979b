import DocSiftServer
import Foundation
import Testing

@Suite("docsift serve routes, driven over HTTP on loopback")
struct ServerRouteTests {
    @Test func labelsAndSummariesEqualTheCLIsOnTheSeedPages() async throws {
        let articles = try TestSupport.seedArticles()
        try #require(articles.count >= 30, "docsift split seeds/pages gave \(articles.count) articles")
        let input = try articles.map { String(decoding: try TestSupport.json($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        let cliLabels = TestSupport.jsonLines(try TestSupport.run(TestSupport.docsiftBinary, ["label"], stdin: input).stdout)
        let cliSummaries = TestSupport.jsonLines(try TestSupport.run(TestSupport.docsiftBinary, ["summarize"], stdin: input).stdout)
        #expect(cliLabels.count == articles.count && cliSummaries.count == articles.count)

        try await RunningServer.with { port in try await compare(port) }
        func compare(_ port: Int) async throws {
        let documents = articles.map { ["id": $0["id"] ?? "", "text": $0["text"] ?? "", "title": $0["title"] ?? ""] }
        let labeled = try await TestSupport.request("POST", port: port, path: "/v1/label",
                                                    body: TestSupport.json(["documents": documents]))
        #expect(labeled.status == 200, "\(labeled.text)")
        let results = try #require(labeled.json?["results"] as? [[String: Any]])
        #expect(results.count == cliLabels.count)
        for (served, cli) in zip(results, cliLabels) {
            #expect(served["id"] as? String == cli["id"] as? String)
            #expect(served["label"] as? String == cli["label"] as? String, "\(cli["id"] ?? "")")
            #expect(served["secondary"] as? [String] == cli["secondary"] as? [String])
            let servedScores = try #require(served["scores"] as? [String: Double])
            let cliScores = try #require(cli["scores"] as? [String: Double])
            #expect(Set(servedScores.keys) == Set(cliScores.keys))
            for (topic, p) in cliScores { #expect(abs((servedScores[topic] ?? -1) - p) < 1e-5) }
        }

        let summarized = try await TestSupport.request("POST", port: port, path: "/v1/summarize",
                                                       body: TestSupport.json(["documents": documents]))
        let summaries = try #require(summarized.json?["results"] as? [[String: Any]])
        #expect(summaries.map { $0["summary"] as? String } == cliSummaries.map { $0["summary"] as? String })
        #expect(summaries.map { $0["keywords"] as? [String] } == cliSummaries.map { $0["keywords"] as? [String] })

        // One document (not a batch) gets one record back.
        let single = try await TestSupport.request("POST", port: port, path: "/v1/label",
                                                   body: TestSupport.json(documents[0]))
        #expect(single.json?["label"] as? String == cliLabels[0]["label"] as? String)
        #expect(single.json?["id"] as? String == cliLabels[0]["id"] as? String)
        }
    }

    @Test func refusesBadRequestsWithClearJSONErrors() async throws {
        try await RunningServer.with(ServerConfiguration(maxBodyBytes: 2000, maxDocumentsPerRequest: 3)) { port in
            try await check(port)
        }
        func check(_ port: Int) async throws {
        func post(_ body: [UInt8]) async throws -> (status: Int, error: String) {
            let reply = try await TestSupport.request("POST", port: port, path: "/v1/label", body: body)
            return (reply.status, reply.json?["error"] as? String ?? "(no JSON error: \(reply.text))")
        }
        let notJSON = try await post(Array(#"{"text": "警方提醒"#.utf8))
        #expect(notJSON.status == 400 && notJSON.error.contains("not valid JSON"), "\(notJSON)")
        let badUTF8 = try await post(Array(#"{"text":""#.utf8) + [0xE8, 0xAD] + Array(#""}"#.utf8))
        #expect(badUTF8.status == 400 && badUTF8.error.contains("not valid UTF-8") && badUTF8.error.contains("offset 9"), "\(badUTF8)")
        let noText = try await post(TestSupport.json(["documents": [["id": "a", "text": "正文"], ["id": "b", "title": "标题"]]]))
        #expect(noText.status == 422 && noText.error.contains("documents[1]") && noText.error.contains("\"text\""), "\(noText)")
        let numberText = try await post(TestSupport.json(["text": 5]))
        #expect(numberText.status == 422 && numberText.error.contains("text"), "\(numberText)")
        let tooLarge = try await post(TestSupport.json(["text": String(repeating: "诈骗", count: 1000)]))
        #expect(tooLarge.status == 413 && tooLarge.error.contains("2000 bytes"), "\(tooLarge)")
        let tooMany = try await post(TestSupport.json(["documents": (0..<4).map { ["text": "第\($0)篇"] }]))
        #expect(tooMany.status == 413 && tooMany.error.contains("--max-documents"), "\(tooMany)")

        let empty = try await post(TestSupport.json(["id": "e", "text": " \n "]))
        #expect(empty.status == 422 && empty.error.contains("text is empty"), "\(empty)")
        let batchWithEmpty = try await TestSupport.request("POST", port: port, path: "/v1/label",
                                                           body: TestSupport.json(["documents": [["id": "e", "text": ""], ["id": "f", "text": "民警提醒警惕电信诈骗"]]]))
        let items = try #require(batchWithEmpty.json?["results"] as? [[String: Any]])
        #expect(items.count == 2 && items[0]["error"] as? String == "empty document" && items[0]["id"] as? String == "e")
        #expect(items[1]["label"] as? String == "anti_fraud")

        let health = try await TestSupport.request("GET", port: port, path: "/healthz")
        #expect(health.status == 200 && health.json?["status"] as? String == "ok")
        let metrics = try await TestSupport.request("GET", port: port, path: "/metrics")
        #expect(metrics.text.contains(#"docsift_http_requests_total{route="/v1/label",status="422"} 3"#), "\(metrics.text)")
        #expect(metrics.text.contains(#"docsift_http_requests_total{route="/v1/label",status="413"} 2"#))
        #expect(metrics.text.contains(#"docsift_http_request_duration_seconds_bucket{route="/v1/label""#))
        #expect(metrics.text.contains(#"docsift_documents_processed_total{route="/v1/label"} 2"#), "only the accepted batch counts")
        }
    }

    /// Issue #17: `max_chars` 1e300 was answered 400 "not valid JSON", and -5 or 0 gave a
    /// 1-character summary. Every budget outside 1…1,000,000 (or not a whole number) is now
    /// 422 naming the field, with its path in a batch; valid budgets still hold.
    @Test func anInvalidMaxCharsIs422NamingTheField() async throws {
        try await RunningServer.with { port in try await check(port) }
        func check(_ port: Int) async throws {
        let text = "民警提醒群众提高防范电信网络诈骗意识，切勿向陌生人转账。矿山企业开展安全生产隐患排查整治。"
        func post(_ body: String) async throws -> (status: Int, json: [String: Any]?, text: String) {
            try await TestSupport.request("POST", port: port, path: "/v1/summarize", body: Array(body.utf8))
        }
        for (literal, shown) in [("1e300", "1e+300"), ("-5", "-5"), ("0", "0"), ("1.5", "1.5"), ("1000001", "1000001"),
                                 ("\"40\"", "a string"), ("true", "not a number")] {
            let reply = try await post(#"{"id":"a","text":"\#(text)","max_chars":\#(literal)}"#)
            let error = reply.json?["error"] as? String ?? "(no JSON error: \(reply.text))"
            #expect(reply.status == 422, "max_chars \(literal): \(reply.status) \(error)")
            #expect(error == "max_chars is \(shown): give a whole number of characters from 1 to 1000000", "\(error)")
        }
        let batch = try await post(#"{"documents":[{"text":"\#(text)","max_chars":20},{"text":"\#(text)","max_chars":1e300}]}"#)
        #expect(batch.status == 422 && (batch.json?["error"] as? String)?.hasPrefix("documents[1].max_chars is 1e+300: ") == true,
                "\(batch.text)")
        for (literal, limit) in [("20", 20), ("2e1", 20), ("20.0", 20), ("1000000", 1_000_000)] {
            let reply = try await post(#"{"id":"a","text":"\#(text)","max_chars":\#(literal)}"#)
            let summary = reply.json?["summary"] as? String ?? ""
            #expect(reply.status == 200 && !summary.isEmpty && summary.unicodeScalars.count <= limit, "\(literal): \(reply.text)")
        }
        }
    }
}
