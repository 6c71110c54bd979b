import Foundation
import Testing
import DocSift

@Suite("Corpus preset")
struct CorpusOptionsTests {
    @Test func punctuationSpanningNGramsSurviveTheModelFile() throws {
        let examples = [
            LabeledText(text: "股市：大涨！基金收益", label: "finance"),
            LabeledText(text: "银行贷款，利率下调", label: "finance"),
            LabeledText(text: "足球：进球！比赛结束", label: "sports"),
            LabeledText(text: "篮球联赛，冠军诞生", label: "sports"),
        ]
        let model = try TopicClassifierTrainer(options: .corpus()).train(examples: examples)
        #expect(model.vectorizer.options.includesPunctuation)
        // "：大" only exists as an n-gram that spans punctuation.
        let spanning = NGramKey.key(of: Array("：大".unicodeScalars.map(\.value)))
        #expect(model.vectorizer.vocabulary.index(of: spanning) != nil)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-corpus-\(UUID().uuidString).dsmodel")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try TopicModel.load(from: url)
        #expect(loaded == model)
        #expect(loaded.classify("基金：收益！").label == "finance")
    }
}
