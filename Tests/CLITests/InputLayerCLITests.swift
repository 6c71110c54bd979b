import Foundation
import Testing

@Suite("docsift input layer and basic verbs")
struct InputLayerCLITests {
    @Test func helpListsTheVerbs() throws {
        let out = try CLIRunner.run(["--help"])
        #expect(out.status == 0)
        for verb in ["split", "prep"] { #expect(out.stdout.contains(verb)) }
    }

    @Test func jsonlOnStandardInputKeepsOrderAndReportsBadLines() throws {
        let input = """
            {"id":"a","text":"第一句。第二句！"}
            not json
            {"id":"c"}
            {"id":7,"text":"数字编号。"}
            """
        let out = try CLIRunner.run(["prep"], stdin: input)
        #expect(out.status == 0)
        let headers = out.stdout.split(separator: "\n").filter { $0.hasPrefix("# ") }
        #expect(headers == ["# a", "# stdin:2: error: malformed JSON", "# c: error: missing text", "# 7"])
        #expect(out.stdout.contains("1. 第一句。\n2. 第二句！"))
        #expect(out.stderr.contains("2 record(s) could not be processed"))
    }

    @Test func strictStopsAtTheFirstBadRecord() throws {
        let out = try CLIRunner.run(["prep", "--strict"], stdin: "{\"id\":\"a\",\"text\":\"好。\"}\n{oops\n{\"id\":\"b\",\"text\":\"坏。\"}\n")
        let headers = out.stdout.split(separator: "\n").filter { $0.hasPrefix("# ") }
        #expect(headers == ["# a", "# stdin:2: error: malformed JSON"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("--strict"))
    }

    @Test func splitWritesOneRecordPerArticleWithLineRanges() throws {
        let out = try CLIRunner.run(["split", "seeds/pages/000_7444f19e72d22120.txt"])
        #expect(out.status == 0)
        let records = out.records
        #expect(!records.isEmpty)
        for record in records {
            #expect(record["page"] as? String == "000_7444f19e72d22120.txt")
            let lines = try #require(record["lines"] as? [[Int]])
            #expect(lines.allSatisfy { $0.count == 2 && 1 <= $0[0] && $0[0] <= $0[1] && $0[1] <= 394 })
            #expect(!(record["text"] as? String ?? "").isEmpty)
        }
    }

    @Test func splitScoresSeedPagesAgainstTheManifest() throws {
        let out = try CLIRunner.run(["split", "seeds/pages", "--gold", "seeds/articles.json"])
        #expect(out.status == 0)
        let pooled = try #require(out.stderr.split(separator: "\n").first { $0.hasPrefix("split: all pages:") })
        let f1 = try #require(pooled.split(separator: " ").first { $0.hasPrefix("F1=") }.flatMap { Double($0.dropFirst(3)) })
        print("docsift split --gold: \(pooled)")
        #expect(f1 >= 0.90)
        // One record per article found, titles included.
        #expect(out.records.count >= 30)
        #expect(out.records.contains { ($0["title"] as? String ?? "").contains("电信诈骗") })
    }

    @Test func missingPathIsAnError() throws {
        let out = try CLIRunner.run(["prep", "/nonexistent/file.txt"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("/nonexistent/file.txt"))
    }
}
