import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import DocSiftCorpus

@Suite("Input layer")
struct InputSourceTests {
    /// A scratch folder removed when the test ends.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-input-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            return file.path
        }
    }

    // "反诈宣传进社区。" in GB18030, as `iconv -t GB18030` writes it.
    let gbBytes: [UInt8] = [0xB7, 0xB4, 0xD5, 0xA9, 0xD0, 0xFB, 0xB4, 0xAB, 0xBD, 0xF8, 0xC9, 0xE7, 0xC7, 0xF8, 0xA1, 0xA3]

    @Test func decodesUTF8GB18030AndRejectsBinary() {
        #expect(TextDecoding.decode(Array("反诈。".utf8))?.encoding == .utf8)
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("好".utf8))?.text == "好")
        let gb = TextDecoding.decode(gbBytes)
        #expect(gb?.encoding == .gb18030)
        #expect(gb?.text == "反诈宣传进社区。")
        #expect(TextDecoding.decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]) == nil)
        #expect(TextDecoding.decodeUTF8([0xE5, 0x8F]) == nil)
    }

    @Test func directoryIsReadRecursivelyInPathOrder() throws {
        let scratch = try Scratch()
        _ = try scratch.write("b.txt", Array("第二篇。".utf8))
        _ = try scratch.write("a/inner.txt", gbBytes)
        _ = try scratch.write("c.jsonl", Array("{\"id\":\"x\",\"text\":\"一\"}\n\n{\"id\":\"y\"}\n".utf8))
        _ = try scratch.write("d.bin", [0, 1, 2, 3, 0xFF])
        _ = try scratch.write(".hidden", Array("忽略。".utf8))
        let records = try InputSource(paths: [scratch.url.path]).allRecords()
        let ids = records.map { result -> String in
            switch result {
            case .success(let record): return (record.id as NSString).lastPathComponent
            case .failure(let error): return (error.id as NSString).lastPathComponent + " ! " + error.reason
            }
        }
        #expect(ids == ["inner.txt", "b.txt", "x", "y ! missing text", "d.bin ! binary or undecodable file"])
        if case .success(let record) = records[0] { #expect(record.text == "反诈宣传进社区。") }
    }

    @Test func jsonlFieldsAreRead() {
        let line = #"{"id":12,"text":"正文","title":"标题","label":"anti_fraud","max_chars":30,"summary":"摘要","page":"p1","fold":3}"#
        guard case .success(let record) = JSONLRecordParser.parse(line, fallbackID: "f:1") else {
            Issue.record("parse failed")
            return
        }
        #expect(record.id == "12")
        #expect(record.title == "标题")
        #expect(record.label == "anti_fraud")
        #expect(record.maxCharacters == 30)
        for (literal, budget) in [("1", 1), ("1000000", 1_000_000), ("1.2e2", 120), ("40.0", 40), ("null", nil)] as [(String, Int?)] {
            let parsed = try? JSONLRecordParser.parse(#"{"text":"正文","max_chars":"# + literal + "}", fallbackID: "f:2").get()
            #expect(parsed != nil && parsed?.maxCharacters == budget, "max_chars \(literal)")
        }
        #expect(record.summary == "摘要")
        #expect(record.fields["page"] == "p1")
        #expect(record.fields["fold"] == "3")
    }

    @Test func badJSONLLinesAreTypedFailures() {
        let cases: [(String, String)] = [
            ("{oops", "malformed JSON"), ("[1,2]", "not a JSON object"), (#"{"id":"q"}"#, "missing text"),
            (#"{"id":"q","text":5}"#, "text is not a string"),
            (#"{"id":"q","text":"x","max_chars":1.5}"#, "max_chars is 1.5: give a whole number of characters from 1 to 1000000"),
            // Issue #17: these were read as budgets (-5 and 0 gave a 1-character summary).
            (#"{"id":"q","text":"x","max_chars":-5}"#, "max_chars is -5: give a whole number of characters from 1 to 1000000"),
            (#"{"id":"q","text":"x","max_chars":0}"#, "max_chars is 0: give a whole number of characters from 1 to 1000000"),
            (#"{"id":"q","text":"x","max_chars":-0.0}"#, "max_chars is -0.0: give a whole number of characters from 1 to 1000000"),
            (#"{"id":"q","text":"x","max_chars":1000001}"#, "max_chars is 1000001: give a whole number of characters from 1 to 1000000"),
            (#"{"id":"q","text":"x","max_chars":1e18}"#, "max_chars is 1e18: give a whole number of characters from 1 to 1000000"),
            (#"{"id":"q","text":"x","max_chars":1e300}"#, "max_chars is 1e300: give a whole number of characters from 1 to 1000000"),
            (#"{"id":"q","text":"x","max_chars":"40"}"#, "max_chars is a string: give a whole number of characters from 1 to 1000000"),
            (#"{"id":"q","text":"x","max_chars":[40]}"#, "max_chars is an object or array: give a whole number of characters from 1 to 1000000"),
        ]
        for (line, reason) in cases {
            guard case .failure(let error) = JSONLRecordParser.parse(line, fallbackID: "f:9") else {
                Issue.record("\(line) parsed")
                continue
            }
            #expect(error.reason == reason)
        }
        guard case .failure(let invalid) = JSONLRecordParser.parse([0x7B, 0xFF, 0x7D], fallbackID: "f:3") else {
            Issue.record("invalid UTF-8 parsed")
            return
        }
        #expect(invalid == InputRecordError(id: "f:3", reason: "invalid UTF-8"))
    }

    @Test func lineReaderHandlesChunkBoundariesAndCRLF() throws {
        let scratch = try Scratch()
        let path = try scratch.write("lines.txt", Array("一\r\n二二\n\n三三三".utf8))
        let descriptor = open(path, O_RDONLY)
        let reader = LineReader(descriptor: descriptor, name: path, closesDescriptor: true, chunkSize: 2)
        var lines: [String] = []
        while case .text(let line)? = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == ["一", "二二", "", "三三三"])
    }

    @Test func anOversizedLineIsSkippedToTheNextNewline() throws {
        let scratch = try Scratch()
        let long = [UInt8](repeating: 0x61, count: 1000)
        let path = try scratch.write("long.jsonl", Array("ab\n".utf8) + long + Array("\ncd\n".utf8) + long)
        let reader = try LineReader(path: path, maximumLineBytes: 100)
        var lines: [LineReader.Line] = []
        while let line = try reader.next() { lines.append(line) }
        #expect(lines == [.text(Array("ab".utf8)), .oversized(byteCount: 1000), .text(Array("cd".utf8)),
                          .oversized(byteCount: 1000)])
    }

    @Test func aDirectoryAsAStreamIsAnError() throws {
        let descriptor = open("/tmp", O_RDONLY)
        let reader = LineReader(descriptor: descriptor, name: "standard input", closesDescriptor: true)
        #expect(throws: CorpusError.self) { try reader.next() }
    }

    @Test func big5IsDetectedAndGBKStaysGB18030() {
        // 警方提醒民眾慎防電信詐騙，切勿向陌生人轉帳匯款。 in Big5.
        let big5: [UInt8] = [0xc4, 0xb5, 0xa4, 0xe8, 0xb4, 0xa3, 0xbf, 0xf4, 0xa5, 0xc1, 0xb2, 0xb3, 0xb7, 0x56, 0xa8, 0xbe,
                             0xb9, 0x71, 0xab, 0x48, 0xb6, 0x42, 0xc4, 0x46, 0xa1, 0x41, 0xa4, 0xc1, 0xa4, 0xc5, 0xa6, 0x56,
                             0xad, 0xaf, 0xa5, 0xcd, 0xa4, 0x48, 0xc2, 0xe0, 0xb1, 0x62, 0xb6, 0xd7, 0xb4, 0xda, 0xa1, 0x43]
        let decoded = TextDecoding.decode(big5)
        #expect(decoded?.encoding == .big5)
        #expect(decoded?.text == "警方提醒民眾慎防電信詐騙，切勿向陌生人轉帳匯款。")
        // 反诈宣传进社区。 in GB18030 stays GB18030.
        let gb: [UInt8] = [0xB7, 0xB4, 0xD5, 0xA9, 0xD0, 0xFB, 0xB4, 0xAB, 0xBD, 0xF8, 0xC9, 0xE7, 0xC7, 0xF8, 0xA1, 0xA3]
        #expect(TextDecoding.decode(gb)?.encoding == .gb18030)
    }

    @Test func numbersAreKeptAsWrittenAndNonScalarIdsRejected() {
        guard case .success(let record) = JSONLRecordParser.parse(
            #"{"id":1234567890123456789,"text":"x","label":9007199254740993,"n":1e3,"deep":[[[{"a":[]}]]]}"#,
            fallbackID: "f:1") else {
            Issue.record("did not parse")
            return
        }
        #expect(record.id == "1234567890123456789")
        #expect(record.label == "9007199254740993")
        #expect(record.fields["n"] == "1e3")
        for (line, reason) in [(#"{"id":true,"text":"x"}"#, "id is not a string or number"),
                               (#"{"id":"q","text":"x","label":[1]}"#, "label is not a string or number"),
                               (#"{"id":"q","text":"x","deep":[1,}"#, "malformed JSON")] {
            guard case .failure(let error) = JSONLRecordParser.parse(line, fallbackID: "f:2") else {
                Issue.record("\(line) parsed")
                continue
            }
            #expect(error.reason == reason)
        }
    }

    @Test func aMissingPathAmongSeveralIsOneFailedRecord() throws {
        let scratch = try Scratch()
        let good = try scratch.write("a.txt", Array("矿山安全。".utf8))
        let records = try InputSource(paths: ["/nonexistent/x.txt", good]).allRecords()
        #expect(records.count == 2)
        guard case .failure(let error) = records[0] else {
            Issue.record("missing path read")
            return
        }
        #expect(error == InputRecordError(id: "/nonexistent/x.txt", reason: "no such file or directory", isWholeInput: true))
        #expect((try? records[1].get().text) == "矿山安全。")
    }

    @Test func invisibleCharactersAloneAreABlankDocument() {
        #expect(BlankDocumentRule.isBlank("\u{200B}\u{FEFF}\u{0007} \n\u{3000}"))
        #expect(!BlankDocumentRule.isBlank("\u{200B}反诈"))
    }
}

@Suite("Page lines")
struct PageLinesTests {
    @Test func crlfAndLoneCRAreHandledLikeTheTextModule() {
        #expect(PageLines.split("一\r\n二\n\n三\n") == ["一", "二", "", "三"])
        #expect(PageLines.split("a\rb\nc") == ["a\rb", "c"])
        #expect(PageLines.split("") == [])
    }
}
