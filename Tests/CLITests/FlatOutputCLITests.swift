import Foundation
import Testing

/// Issue #19 item 5: CSV and table output that a person or a CSV reader can trust.
@Suite("CSV and table output")
struct FlatOutputCLITests {
    static let article = #"{"id":"a","text":"矿山企业开展安全生产隐患排查整治。"}"#

    @Test func theTableHasAnErrorColumnOnlyWhenARowHasAnError() throws {
        let clean = try CLIRunner.run(["label", "--format", "table"], stdin: Self.article + "\n")
        let header = try #require(clean.stdout.split(separator: "\n").first)
        #expect(header.hasPrefix("id") && !header.contains("error"), "\(clean.stdout)")
        let failed = try CLIRunner.run(["label", "--format", "table"], stdin: Self.article + "\n" + #"{"id":"b","text":"  "}"# + "\n")
        let lines = failed.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("error") == true, "\(failed.stdout)")
        #expect(lines.last?.hasPrefix("b ") == true && lines.last?.hasSuffix("empty document") == true, "\(failed.stdout)")
        // CSV keeps a fixed header (it streams): the error column is always there.
        let csv = try CLIRunner.run(["label", "--format", "csv"], stdin: Self.article + "\n")
        #expect(csv.stdout.split(separator: "\n").first?.hasSuffix(",error") == true)
    }

    @Test func tabNewlineAndNULInIdsAndLabelsKeepTheirCell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-flat-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("d.jsonl")
        let lines = (0..<12).map { k in
            k % 2 == 0 ? #"{"text":"矿山企业开展安全生产隐患排查整治\#(k)。","label":"safe\tty"}"#
                : #"{"text":"民警提醒群众防范电信网络诈骗\#(k)。","label":"fr\naud"}"#
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: data)
        let model = folder.appendingPathComponent("m.dsmodel").path
        let train = try CLIRunner.run(["train", data.path, "--out", model])
        try #require(train.status == 0, "\(train.stderr)")
        let input = #"{"id":"x\u0000y\tz","text":"民警提醒群众防范电信网络诈骗。"}"# + "\n"

        let csv = try CLIRunner.run(["label", "--model", model, "--format", "csv"], stdin: input)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(!csv.stdout.contains("\0"))
        #expect(csv.stdout.hasPrefix("id,label,confidence,secondary,\"fr\naud\",\"safe\tty\",error\n"), "\(csv.stdout)")
        #expect(csv.stdout.contains("\"x\u{FFFD}y\tz\",\"fr\naud\","), "\(csv.stdout)")

        let table = try CLIRunner.run(["label", "--model", model, "--format", "table"], stdin: input)
        let rows = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 2, "\(table.stdout)")
        #expect(rows.first?.contains(#"safe\tty"#) == true && rows.first?.contains(#"fr\naud"#) == true)
        #expect(rows.last?.hasPrefix(#"x\0y\tz  fr\naud"#) == true, "\(table.stdout)")
    }
}
