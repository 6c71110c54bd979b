import DocSift
import Foundation
import Testing

/// Issue 18's targets, measured on real text. Skipped with a message when `../shared/data`
/// (the public corpora) is absent.
@Suite("Calibrated probabilities and secondary topics on real data")
struct CalibrationOnRealDataTests {
    static let cnewsURL = Fixtures.sharedData.appendingPathComponent("cnews_fulltext/cnews_subset.jsonl")

    /// General news (cnews, none of it about the four topics) with the shipped model: few
    /// articles get a secondary topic, few get a topic as their label.
    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func generalNewsGetsNoSecondaryTopics() throws {
        let model = try TopicModel.loadDefault()
        let articles = try LabeledTextReader.jsonLines(Self.cnewsURL)
        let predictions = model.classify(articles.map(\.text))
        let withSecondary = predictions.filter { !$0.secondary.isEmpty }.count
        let falseAlarms = predictions.filter { $0.label != "other" }.count
        print("cnews \(articles.count), shipped model: \(withSecondary) with a secondary topic, \(falseAlarms) labeled with a topic")
        #expect(articles.count == 1316)
        #expect(Double(withSecondary) / Double(articles.count) <= 0.05)
        #expect(Double(falseAlarms) / Double(articles.count) <= 0.024)
    }

    /// Leave one seed page out with the shipped recipe (profiles, cnews as background):
    /// secondary topics right at least four times in five while finding half of them, the
    /// primary label as good as before, and the label's confidence calibrated.
    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func seedsLeaveOnePageOut() throws {
        let background = try LabeledTextReader.jsonLines(Self.cnewsURL).map(\.text)
        let validation = GroupedCrossValidation(
            trainer: TopicClassifierTrainer(options: TrainingPreset.topics.options(usingProfiles: true, examples: [])),
            profiles: Fixtures.profiles, background: background)
        let run = try validation.run(CalibrationTests.seedExamplesWithSecondary)
        let report = run.evaluation
        let secondary = try #require(report.secondary)
        let ece = try #require(report.calibration?.ece)
        print("seeds LOPO (shipped recipe): macro-F1 \(report.metrics.macroF1), secondary P \(secondary.precision) "
              + "(\(secondary.right)/\(secondary.listed)) R \(secondary.recall) (\(secondary.found)/\(secondary.gold)), ECE \(ece)")
        #expect(secondary.precision >= 0.8)
        #expect(secondary.recall >= 0.5)
        // Issue 18 asks for macro-F1 ≥ 0.881 (measured 0.926) and ECE ≤ 0.10 (measured 0.085
        // with the answer confidence; the answered label's own probability gave 0.148).
        #expect(report.metrics.macroF1 >= 0.881)
        #expect(ece <= 0.10)
        // The confidence is the model's answer confidence, not the label's "about" probability.
        let ownProbability = CalibrationReport(
            confidences: run.predictions.map { $0.prediction.probability(of: $0.prediction.label) },
            correct: run.predictions.map { $0.prediction.label == $0.truth })
        #expect(ownProbability.ece > ece)
    }
}

/// Calibration of a large corpus costs no fit per inner fold. From 1,000 examples on, a
/// corpus the exact ridge solves is calibrated on the final fit's closed-form leave-one-out
/// scores (one counting pass in all); one solved iteratively, on one held-out fold (two
/// passes, not six). Either way the probabilities stay calibrated on articles never seen.
@Suite("Calibration cost on a large corpus")
struct CalibrationCostTests {
    static let cnewsURL = Fixtures.sharedData.appendingPathComponent("cnews_fulltext/cnews_subset.jsonl")

    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func anExactFitIsCalibratedOnItsLeaveOneOutScores() throws {
        let articles = try LabeledTextReader.jsonLines(Self.cnewsURL, groupField: "fold")
        // Four cnews folds train (1,052 long articles, solved exactly); the fifth measures.
        let train = articles.filter { $0.group != "0" }, test = articles.filter { $0.group == "0" }
        #expect(train.count == 1_052 && test.count == 264)
        let countedPasses = Counter()
        let trainer = TopicClassifierTrainer(
            options: TrainingPreset.corpus.options(usingProfiles: false, examples: train),
            phaseObserver: { phase in if case .counted = phase { countedPasses.add() } })
        let model = try trainer.train(examples: train)
        #expect(countedPasses.value == 1)
        let report = model.evaluationReport(test).report
        let ece = try #require(report.calibration?.ece)
        print("cnews fold 0, calibrated on leave-one-out scores: accuracy \(report.metrics.accuracy), ECE \(ece)")
        #expect(report.metrics.accuracy >= 0.97)
        #expect(ece <= 0.05)
    }

    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func anIterativeFitIsCalibratedOnOneHeldOutFold() throws {
        let url = Fixtures.sharedData.appendingPathComponent("thucnews_titles/dev.jsonl")
        let examples = Array(try LabeledTextReader.jsonLines(url).prefix(2_000))
        #expect(examples.count == 2_000)
        let countedPasses = Counter()
        var options = TrainingPreset.corpus.options(usingProfiles: false, examples: examples)
        options.ridgeSolver = .dualCoordinateDescent
        let trainer = TopicClassifierTrainer(
            options: options, phaseObserver: { phase in if case .counted = phase { countedPasses.add() } })
        let model = try trainer.train(examples: examples)
        #expect(countedPasses.value == 2)
        // Calibrated: probabilities of the answered label are not the softmax's.
        #expect(model.rule.calibrations != nil)
    }

    /// A thread-safe count for the phase observer.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
