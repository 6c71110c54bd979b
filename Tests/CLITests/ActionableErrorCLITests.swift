import Foundation
import Testing

/// Issue #19 item 2 (and #14 item 3): each message the newcomer quoted, after the fix. The
/// before/after table is /work/coord/errors-before-after.md. Runtime failures exit 1 with one
/// `Error:` line naming the file and what to do; only bad usage exits 64 with the usage.
@Suite("Errors a person can act on")
struct ActionableErrorCLITests {
    static let article = #"{"id":"a","text":"矿山企业开展安全生产隐患排查整治。"}"# + "\n"

    /// A scratch JSONL file holding `text`.
    static func file(_ name: String, _ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-errors-\(getpid())-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("a missing model is a runtime error on every verb that loads one", arguments: [
        ["label", "--model", "/nonexistent/m.dsmodel"], ["serve", "--port", "0", "--model", "/nonexistent/m.dsmodel"],
        ["eval", "seeds/articles.json", "--model", "/nonexistent/m.dsmodel"],
    ])
    func missingModelExitsOneNamingTheFile(arguments: [String]) throws {
        let out = try CLIRunner.run(arguments, stdin: Self.article)
        #expect(out.status == 1, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("Error: /nonexistent/m.dsmodel: cannot read model file: no such file or directory; check the path"),
                "\(out.stderr)")
        #expect(!out.stderr.contains("Usage"))
    }

    @Test("a folder or a device as the model or IDF says what it is", arguments: [
        (["label", "--model", "/tmp"], "/tmp: cannot read model file: it is a directory"),
        (["label", "--model", "/dev/zero"], "/dev/zero: cannot read model file: it is not a regular file"),
        (["summarize", "--idf", "/tmp"], "/tmp: cannot read IDF file: it is a directory"),
        (["summarize", "--idf", "/nonexistent/idf.bin"], "/nonexistent/idf.bin: cannot read IDF file: no such file or directory"),
    ])
    func folderOrDeviceSaysSo(arguments: [String], expected: String) throws {
        let out = try CLIRunner.run(arguments, stdin: Self.article)
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("Error: \(expected); check the path"), "\(out.stderr)")
        for foundation in ["NSCocoaErrorDomain", "have permission", "The operation could not be completed"] {
            #expect(!out.stderr.contains(foundation), "\(out.stderr)")
        }
    }

    @Test("a missing data file is named once", arguments: [
        ["train", "/x/data.jsonl", "--out", "/tmp/docsift-never.dsmodel"], ["eval", "/x/data.jsonl", "--cv-field", "fold"],
        ["eval-summary", "/x/data.jsonl", "--max-chars", "30"], ["build-idf", "/x/data.jsonl", "--out", "/tmp/docsift-never.bin"],
    ])
    func missingDataPathIsNotDoubled(arguments: [String]) throws {
        let out = try CLIRunner.run(arguments)
        #expect(out.status == 1)
        #expect(out.stderr.components(separatedBy: "/x/data.jsonl").count == 2, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("Error: /x/data.jsonl: ") && out.stderr.contains("no such file or directory"), "\(out.stderr)")
    }

    @Test("an override variable naming a missing file names that variable and path", arguments: [
        (["label"], "DOCSIFT_MODEL"), (["summarize"], "DOCSIFT_IDF"),
    ])
    func overrideVariableIsNamed(arguments: [String], variable: String) throws {
        let out = try CLIRunner.shell(#"\#(variable)=/typo/file.bin "$DOCSIFT" \#(arguments.joined(separator: " ")) <<'EOF'"# + "\n"
                                      + Self.article + "EOF")
        #expect(out.status == 1)
        #expect(out.stderr.contains("\(variable)=/typo/file.bin: no such file; set \(variable) to an existing file, or unset it"),
                "\(out.stderr)")
    }

    @Test func aRecordWithoutTheLabelFieldNamesTheFieldAndTheOption() throws {
        let data = try Self.file("nolabel.jsonl", #"{"id":"thuc_title_test_0","text":"矿山企业开展安全生产。"}"# + "\n")
        for arguments in [["eval", data, "--model", "Models/default-topics.dsmodel"], ["train", data, "--out", data + ".dsmodel"]] {
            let out = try CLIRunner.run(arguments)
            #expect(out.status == 1)
            #expect(out.stderr.contains(#"record thuc_title_test_0: no "label" field; name the field that holds the label (--label-field)"#),
                    "\(out.stderr)")
        }
    }

    @Test("a negative number reaches the option's own check", arguments: [
        (["summarize", "--max-chars", "-5"], "--max-chars must be at least 1"),
        (["eval-summary", "x.jsonl", "--max-chars", "-5"], "--max-chars must be at least 1"),
        (["eval-summary", "x.jsonl", "--max-chars", "1000001"], "--max-chars must be at most 1000000"),
        (["label", "--explain", "--explain-top", "-1"], "--explain-top must be at least 1"),
        (["label", "--threads", "-2"], "--threads must be at least 1"),
        (["serve", "--port", "-1"], "--port must be 0...65535"),
        (["build-idf", "x.jsonl", "--out", "x.bin", "--min-document-frequency", "-3"], "--min-document-frequency must be at least 1"),
        (["train", "seeds/articles.json", "--out", "x.dsmodel", "--min-df", "-1"], "--min-df must be at least 1"),
        (["eval", "seeds/articles.json", "--cv-field", "page", "--regularization", "-0.5"], "--regularization must be above 0"),
        (["train", "seeds/articles.json", "--out", "x.dsmodel", "--max-features", "-5"], "--max-features must be at least 1"),
    ])
    func negativeNumbersAreCheckedNotMissing(arguments: [String], message: String) throws {
        let out = try CLIRunner.run(arguments, stdin: Self.article)
        #expect(out.status == 64)
        #expect(out.stderr.hasPrefix("Error: \(message)"), "\(out.stderr)")
        #expect(!out.stderr.contains("Missing value"))
    }

    @Test func buildIDFAndEvalSummaryReadOtherFieldNames() throws {
        let corpus = try Self.file("content.jsonl", (0..<4).map { #"{"doc":"d\#($0)","content":"矿山企业开展安全生产隐患排查整治。"}"# }
            .joined(separator: "\n") + "\n")
        let idf = corpus + ".bin"
        let built = try CLIRunner.run(["build-idf", corpus, "--out", idf, "--id-field", "doc", "--text-field", "content",
                                       "--min-document-frequency", "1"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("from 4 documents"), "\(built.stderr)")
        let references = try Self.file("refs.jsonl", #"{"doc":"r1","content":"矿山企业开展安全生产隐患排查整治。会议要求落实责任。","summary":"矿山企业排查隐患"}"# + "\n")
        let scored = try CLIRunner.run(["eval-summary", references, "--id-field", "doc", "--text-field", "content",
                                        "--max-chars", "20", "--json", "--idf", idf])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.records.first?["documents"] as? Int == 1)
    }
}
