import Foundation
import Testing

/// Every input record yields exactly one output record, in input order: a result or
/// `{"id","error"}` — on a folder and on a JSONL stream holding every messy case, with one
/// thread and with two.
@Suite("Messy input: one output per input, in order", .serialized)
struct MessyInputCLITests {
    /// A folder of messy files, created once and removed when the process ends.
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-messy-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) {
            try? Data(bytes).write(to: url.appendingPathComponent(name))
        }
        let article = "本报讯 近日，某银行网点成功堵截一起电信网络诈骗，为客户避免损失五万元。民警提醒群众提高防范意识。"
        write("01-utf8.txt", Array(article.utf8))
        // A two-sentence scam warning in GB18030 (an 8-character headline alone is too short
        // for the shipped model to be sure of its topic: anti_fraud 0.29, under the threshold).
        write("02-gb18030.txt", [
            0xB7, 0xB4, 0xD5, 0xA9, 0xD0, 0xFB, 0xB4, 0xAB, 0xBD, 0xF8, 0xC9, 0xE7, 0xC7, 0xF8, 0xA1, 0xA3,
            0xC3, 0xF1, 0xBE, 0xAF, 0xCC, 0xE1, 0xD0, 0xD1, 0xBE, 0xD3, 0xC3, 0xF1, 0xA3, 0xBA, 0xB2, 0xBB,
            0xC7, 0xE1, 0xD0, 0xC5, 0xC4, 0xB0, 0xC9, 0xFA, 0xC0, 0xB4, 0xB5, 0xE7, 0xA3, 0xAC, 0xB2, 0xBB,
            0xCF, 0xF2, 0xC4, 0xB0, 0xC9, 0xFA, 0xD5, 0xCB, 0xBB, 0xA7, 0xD7, 0xAA, 0xD5, 0xCB, 0xBB, 0xE3,
            0xBF, 0xEE, 0xA3, 0xAC, 0xBD, 0xF7, 0xB7, 0xC0, 0xB5, 0xE7, 0xD0, 0xC5, 0xCD, 0xF8, 0xC2, 0xE7,
            0xD5, 0xA9, 0xC6, 0xAD, 0xA1, 0xA3])
        write("03-binary.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFE])
        write("04-empty.txt", [])
        write("05-whitespace.txt", Array(" \n\t\u{3000}\n".utf8))
        write("06-traditional.txt", Array("警方提醒民眾慎防電信詐騙，切勿向陌生人轉帳匯款。".utf8))
        write("07-mixed.txt", Array("AI 反诈 app 上线：Police say the new 反诈中心 app blocks scam calls。".utf8))
        // About 20 MB of text in one document (under the 32 MiB maximum record size).
        let paragraph = Array((article + "\n").utf8)
        var big: [UInt8] = []
        big.reserveCapacity(20 << 20)
        while big.count < 20 << 20 { big += paragraph }
        write("08-huge.txt", big)
        return url
    }()

    static let expectedFolder: [(String, String?)] = [
        ("01-utf8.txt", nil), ("02-gb18030.txt", nil), ("03-binary.bin", "binary or undecodable file"),
        ("04-empty.txt", "empty document"), ("05-whitespace.txt", "empty document"),
        ("06-traditional.txt", nil), ("07-mixed.txt", nil), ("08-huge.txt", nil),
    ]

    static let stream: [UInt8] = {
        let lines: [String] = [
            #"{"id":"a","text":"镇党委组织党员志愿者走进村里宣讲党的二十大精神。"}"#,
            #"{"id":"b","text":"#,                                  // malformed
            #"{"id":"c"}"#,                                             // missing text
            #"{"id":"a","text":"重复编号的第二篇文章：矿山开展安全隐患排查。"}"#,  // duplicate id
            #"{"id":"d","text":"   "}"#,                                // whitespace only
            #"{"id":"e","text":"Mixed 中文 and English text about rural tourism 乡村旅游。"}"#,
            #"["not","an","object"]"#,
            #"{"id":"f","text":"詐騙集團冒充客服，銀行櫃員及時攔截。"}"#,
        ]
        // An invalid UTF-8 line in the middle.
        return Array((lines[0..<2].joined(separator: "\n") + "\n").utf8) + [0x7B, 0xFF, 0xFE, 0x7D, 0x0A]
            + Array((lines[2...].joined(separator: "\n") + "\n").utf8)
    }()

    static let expectedStream: [(String, String?)] = [
        ("a", nil), ("stdin:2", "malformed JSON"), ("stdin:3", "invalid UTF-8"), ("c", "missing text"),
        ("a", nil), ("d", "empty document"), ("e", nil), ("stdin:8", "not a JSON object"), ("f", nil),
    ]

    static func check(_ out: CLIRunner.Output, _ expected: [(String, String?)], stripFolder: Bool) {
        #expect(out.status == 0, "stderr: \(out.stderr)")
        let records = out.records
        #expect(records.count == expected.count)
        for (record, (id, error)) in zip(records, expected) {
            let recordID = (record["id"] as? String) ?? ""
            #expect((stripFolder ? (recordID as NSString).lastPathComponent : recordID) == id)
            #expect(record["error"] as? String == error, "\(id): \(record)")
        }
        let errors = expected.filter { $0.1 != nil }.count
        #expect(out.stderr.contains("\(errors) record(s) could not be processed"))
    }

    @Test("folder of messy files", arguments: ["label", "summarize"], ["1", "2"])
    func folder(verb: String, threads: String) throws {
        let out = try CLIRunner.run([verb, MessyInputCLITests.folder.path, "--threads", threads])
        MessyInputCLITests.check(out, MessyInputCLITests.expectedFolder, stripFolder: true)
        if verb == "summarize" {
            #expect(out.records[1]["summary"] as? String == "反诈宣传进社区。民警提醒居民：不轻信陌生来电，不向陌生账户转账汇款，谨防电信网络诈骗。")
        } else {
            // The GB18030 file and the traditional-character scam warning read as anti-fraud.
            #expect(out.records[1]["label"] as? String == "anti_fraud")
            #expect(out.records[5]["label"] as? String == "anti_fraud")
        }
    }

    @Test("messy JSONL stream", arguments: ["label", "summarize"], ["1", "2"])
    func stream(verb: String, threads: String) throws {
        let out = try CLIRunner.run([verb, "--threads", threads], stdinBytes: MessyInputCLITests.stream)
        MessyInputCLITests.check(out, MessyInputCLITests.expectedStream, stripFolder: false)
        #expect(out.stderr.contains("1 record(s) repeat an earlier id"))
    }
}
