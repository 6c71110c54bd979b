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
            BackgroundIDFError.checksumMismatch,
            InputRecordError(id: "stdin:3", reason: "malformed JSON"),
        ]
        let expected = ["/m/x.dsmodel: not a DocSift topic model file; pass a .dsmodel written by `docsift train`", "/d/a.jsonl: cannot read: no such file or directory",
                        "cannot train: no examples", "IDF file checksum mismatch (corrupt file): rebuild it with docsift build-idf", "stdin:3: malformed JSON"]
        #expect(errors.map(\.localizedDescription) == expected)
    }

    @Test func aModelPathThatIsAFolderOrDeviceSaysSo() {
        for (path, kind) in [("/tmp", "a directory"), ("/dev/zero", "not a regular file")] {
            #expect(throws: ModelFileError.unreadable(path: path, reason: "it is \(kind)")) {
                try TopicModel.load(from: URL(fileURLWithPath: path))
            }
        }
    }

    @Test func labeledDataErrorsNameTheFileOnceAndTheField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-errors-\(getpid()).jsonl")
        try Data(#"{"id":"thuc_title_test_0","text":"x"}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: CorpusError.malformed(path: url.path, reason: #"record thuc_title_test_0: no "label" field; name the field that holds the label (--label-field)"#)) {
            try LabeledTextReader.jsonLines(url)
        }
        #expect(throws: CorpusError.unreadable(path: "/x/data.jsonl", reason: "no such file or directory")) {
            try LabeledTextReader.jsonLines(URL(fileURLWithPath: "/x/data.jsonl"))
        }
    }
}

/// Issue #14 item 4: the output schema of a labeled document belongs to the library.
@Suite("Output schema")
struct OutputSchemaTests {
    @Test func aLabeledDocumentEncodesTheDocumentedKeys() throws {
        let model = try TopicModel.loadDefault()
        let text = "民警提醒群众提高防范电信网络诈骗意识，切勿向陌生人转账。"
        let prediction = model.classify(text)
        let document = LabeledDocument(
            id: "d1", prediction: prediction, summary: Summarizer(options: SummaryOptions(), background: nil).summarize(text),
            explanation: model.topicsToExplain(prediction).map { topic in
                LabeledDocument.ExplainedTopic(topic: topic, ngrams: model.explain(text, label: topic, top: 2).map {
                    LabeledDocument.ExplainedNGram(ngram: $0.ngram, weight: $0.contribution)
                })
            })
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "label", "confidence", "scores", "secondary", "summary", "sentences", "keywords", "explanation"])
        #expect(Set((object["scores"] as? [String: Any] ?? [:]).keys) == Set(model.labels))
        #expect(LabeledDocument.flatHeader(labels: ["a"], summary: true, explanation: false)
                == ["id", "label", "confidence", "secondary", "a", "summary", "keywords", "error"])
    }
}
