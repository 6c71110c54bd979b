import DocSift
@testable import DocSiftClassifier
import Testing

/// Issue #17: examples whose texts are all empty (or only white space and invisible
/// characters) are a typed error in the library, not a 0-feature model.
@Suite("Training on empty texts")
struct EmptyTrainingTextTests {
    static let blank = [
        LabeledText(text: "", label: "anti_fraud", group: nil),
        LabeledText(text: "  \n\t", label: "safety_production", group: nil),
        LabeledText(text: "\u{200B}\u{FEFF}", label: "other", group: nil),
    ]

    @Test func allEmptyTextsAreAnInvalidTrainingError() {
        let trainer = TopicClassifierTrainer(options: Fixtures.options)
        #expect {
            _ = try trainer.train(examples: EmptyTrainingTextTests.blank)
        } throws: { error in
            guard case .invalidTraining(let reason) = error as? ClassifierError else { return false }
            return reason.contains("every example's text is empty")
        }
        // Profiles do not make blank examples meaningful: still an error.
        #expect(throws: ClassifierError.self) {
            _ = try trainer.train(examples: EmptyTrainingTextTests.blank, profiles: Fixtures.profiles)
        }
    }

    @Test func oneRealTextAmongEmptyOnesTrains() throws {
        var options = Fixtures.options
        options.selectsThresholds = false
        let examples = EmptyTrainingTextTests.blank + [
            LabeledText(text: "民警提醒群众提高防范电信网络诈骗意识，切勿向陌生人转账。", label: "anti_fraud", group: nil),
            LabeledText(text: "矿山企业开展安全生产隐患排查整治。", label: "safety_production", group: nil),
        ]
        let model = try TopicClassifierTrainer(options: options).train(examples: examples)
        #expect(model.vectorizer.vocabulary.count > 10)
        #expect(model.classify("电信网络诈骗，切勿转账。").label == "anti_fraud")
    }
}
