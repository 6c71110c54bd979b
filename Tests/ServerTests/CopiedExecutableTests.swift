import Foundation
import Testing

@Suite("A docsift binary copied outside the checkout still has its model")
struct CopiedExecutableTests {
    @Test func labelsAndSummarizesFromATemporaryFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-copied-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!folder.path.hasPrefix(TestSupport.packageRoot.path))
        let copy = folder.appendingPathComponent("docsift")
        try FileManager.default.copyItem(at: TestSupport.docsiftBinary, to: copy)
        let input = #"{"id":"x","text":"派出所民警走进社区开展反诈宣传，提醒居民警惕电信网络诈骗，不要向陌生账户转账。"}"# + "\n"
        // No DOCSIFT_* variable: the built-in files are used.
        let clean = ["DOCSIFT_MODEL": "", "DOCSIFT_IDF": "", "DOCSIFT_PROFILES": ""]
        let label = try TestSupport.run(copy, ["label", "--summary"], in: folder, stdin: input, environment: clean)
        #expect(label.status == 0, "\(label.stderr)")
        let record = try #require(TestSupport.jsonLines(label.stdout).first)
        #expect(record["label"] as? String == "anti_fraud")
        #expect(!(record["summary"] as? String ?? "").isEmpty)

        // A variable naming a missing file is an error that names the variable and the path.
        for variable in ["DOCSIFT_MODEL", "DOCSIFT_IDF"] {
            let typo = try TestSupport.run(copy, ["label", "--summary"], in: folder, stdin: input,
                                           environment: clean.merging([variable: "/typo/x.dsmodel"]) { $1 })
            #expect(typo.status != 0 && typo.stdout.isEmpty)
            #expect(typo.stderr.contains("\(variable)=/typo/x.dsmodel: no such file"), "\(typo.stderr)")
        }
    }
}
