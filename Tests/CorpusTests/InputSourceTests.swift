import Foundation
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
        #expect(record.summary == "摘要")
        #expect(record.fields["page"] == "p1")
        #expect(record.fields["fold"] == "3")
    }

    @Test func badJSONLLinesAreTypedFailures() {
        let cases: [(String, String)] = [
            ("{oops", "malformed JSON"), ("[1,2]", "not a JSON object"), (#"{"id":"q"}"#, "missing text"),
            (#"{"id":"q","text":5}"#, "text is not a string"),
            (#"{"id":"q","text":"x","max_chars":1.5}"#, "max_chars is not a whole number"),
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
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CorpusError.unreadable(path: path, reason: "") }
        let reader = LineReader(handle: handle, closesHandle: true, chunkSize: 2)
        var lines: [String] = []
        while let line = reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == ["一", "二二", "", "三三三"])
    }
}
