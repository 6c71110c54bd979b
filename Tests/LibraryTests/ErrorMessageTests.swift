import Foundation
import Testing
@testable import DocSift

/// Issue #14/#19: every library error reads as its one-line message through
/// `localizedDescription`, names the file once, and carries no Foundation error codes.
@Suite("Error messages")
struct ErrorMessageTests {
    @Test func localizedDescriptionIsTheOneLineMessage() {
        let errors: [any Error] = [
            ModelFileError.notAModel(path: "/m/x.dsmodel"),
            CorpusError.unreadable(path: "/d/a.jsonl", reason: "no such file or directory"),
            ClassifierError.invalidTraining("no examples"),
            SummarizerDataError.checksumMismatch,
            InputRecordError(id: "stdin:3", reason: "malformed JSON"),
        ]
        let expected = ["/m/x.dsmodel: not a DocSift topic model file", "/d/a.jsonl: cannot read: no such file or directory",
                        "cannot train: no examples", "IDF file checksum mismatch (corrupt file)", "stdin:3: malformed JSON"]
        #expect(errors.map(\.localizedDescription) == expected)
    }

    @Test func aModelPathThatIsAFolderOrDeviceSaysSo() {
        for (path, kind) in [("/tmp", "a directory"), ("/dev/zero", "not a regular file")] {
            #expect(throws: ModelFileError.unreadable(path: path, reason: "it is \(kind); give the path of a .dsmodel file")) {
                try TopicModel.load(from: URL(fileURLWithPath: path))
            }
        }
    }

    @Test func labeledDataErrorsNameTheFileOnceAndTheField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-errors-\(getpid()).jsonl")
        try Data(#"{"id":"thuc_title_test_0","text":"x"}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: CorpusError.malformed(path: url.path, reason: #"record thuc_title_test_0: no "label" field"#)) {
            try LabeledTextReader.jsonLines(url)
        }
        #expect(throws: CorpusError.unreadable(path: "/x/data.jsonl", reason: "no such file or directory")) {
            try LabeledTextReader.jsonLines(URL(fileURLWithPath: "/x/data.jsonl"))
        }
    }
}
