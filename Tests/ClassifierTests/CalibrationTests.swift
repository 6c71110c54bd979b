@testable import DocSiftClassifier
import DocSift
import DocSiftFeatures
import Foundation
import Testing

@Suite("Per-topic calibrated probabilities")
struct CalibrationTests {
    /// The seed articles as `docsift train` and `eval` read them: title and text, page as the
    /// group, and the annotated secondary topics.
    static let seedExamplesWithSecondary: [LabeledText] =
        (try? LabeledTextReader.examples(from: [SeedCorpus.bundledManifestURL.path])) ?? []

    @Test func trainedModelsCarryOneCalibrationPerLabel() throws {
        let model = try #require(Fixtures.seedModel)
        let calibrations = try #require(model.rule.calibrations)
        #expect(calibrations.count == model.labels.count)
        // Probabilities are per topic: each in [0, 1], and a clear article is not spread over all.
        let prediction = model.classify("民警提醒市民警惕电信诈骗，不要向陌生账户转账，谨防冒充客服退款。")
        #expect(prediction.label == "anti_fraud")
        for score in prediction.scores { #expect(score.probability >= 0 && score.probability <= 1) }
        let fraud = prediction.probability(of: "anti_fraud")
        #expect(prediction.scores.allSatisfy { $0.label == "anti_fraud" || $0.probability < fraud })
        #expect(prediction.scores.filter { $0.label != "anti_fraud" && $0.label != "other" }.allSatisfy { $0.probability < 0.2 })
    }

    @Test func plattScalingIsMonotoneAndIsotonicIsAStepFit() {
        // Scores against "is about the label", with one out-of-order positive.
        let scores: [Float] = [-0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5]
        let targets = [false, false, false, true, false, false, true, true, true, true]
        let platt = CalibrationFitting.platt(scores, scores, targets)
        #expect(zip(scores, scores.dropFirst()).allSatisfy { platt.probability(score: $0, margin: $0) < platt.probability(score: $1, margin: $1) })
        let isotonic = CalibrationFitting.isotonic(scores, targets)
        #expect(isotonic.method == .isotonic)
        #expect(isotonic.probability(score: 0, margin: -1) == 0 && isotonic.probability(score: 0, margin: 1) == 1)
        #expect(zip(scores, scores.dropFirst()).allSatisfy { isotonic.probability(score: 0, margin: $0) <= isotonic.probability(score: 0, margin: $1) })
        // The violators −0.1 (true) and 0, 0.1 (false) are pooled into one step of 1/3.
        #expect(abs(isotonic.probability(score: 0, margin: 0) - 1.0 / 3) < 1e-6)
    }

    @Test func expectedCalibrationErrorOfAKnownTable() {
        let report = CalibrationReport(confidences: [0.95, 0.95, 0.95, 0.95, 0.55, 0.55], correct: [true, true, true, false, true, false])
        #expect(report.bins.count == 10)
        #expect(report.bins[9].count == 4 && abs(report.bins[9].accuracy - 0.75) < 1e-9)
        #expect(report.bins[5].count == 2 && abs(report.bins[5].accuracy - 0.5) < 1e-9)
        // (4 · |0.75 − 0.95| + 2 · |0.5 − 0.55|) / 6
        #expect(abs(report.ece - (4 * 0.2 + 2 * 0.05) / 6) < 1e-6)
    }

    @Test func secondaryMetricsCountRightListingsAndFoundGold() {
        let metrics = SecondaryTopicMetrics(
            predicted: [["anti_fraud"], ["party_building", "safety_production"], []],
            truth: ["other", "rural_revitalization", "party_building"],
            goldSecondary: [["anti_fraud"], ["party_building"], ["rural_revitalization"]])
        #expect(metrics.listed == 3 && metrics.right == 2 && metrics.gold == 3 && metrics.found == 2)
        #expect(metrics.documentsWithSecondary == 2)
    }

    @Test func aTopicWithoutHeldOutEvidenceGetsTheNoEvidenceThreshold() {
        // Labels: topic A, topic B, other (abstain). B is never the top label, so no threshold
        // changes a decision: it gets 0.5, not the middle of the grid (0.25). A's threshold
        // decides the third document (other, A on top at 0.3): 0.35–0.5 are all right, and the
        // middle of that run is taken.
        let probabilities: [[Float]] = [[0.9, 0.05, 0.3], [0.8, 0.1, 0.2], [0.3, 0.1, 0.25], [0.1, 0.05, 0.9]]
        let base = DecisionRule(softmaxScale: 1, abstainIndex: 2, abstainThresholds: [0, 0, 0], secondaryThresholds: [1.5, 1.5, 1.5])
        let thresholds = ThresholdSelection.choose(probabilities: probabilities, truth: [0, 0, 2, 2], labelCount: 3,
                                                   abstainIndex: 2, base: base, maximum: 0.5)
        #expect(thresholds == [0.4, ThresholdSelection.noEvidenceThreshold, 0])
    }

    @Test func anAbstainedTopTopicIsNotListedAsSecondary() {
        let rule = DecisionRule(softmaxScale: 1, abstainIndex: 2, abstainThresholds: [0.6, 0.3, 0],
                                secondaryThresholds: [0.25, 0.25, 1.5])
        let unsure = rule.decide([0.5, 0.3, 0.2])
        #expect(unsure.label == 2 && unsure.abstained)
        #expect(unsure.secondary == [1])
    }

    @Test func userThresholdsReplaceTheTunedOnes() throws {
        let model = try #require(Fixtures.seedModel)
        let text = "民警提醒市民警惕电信诈骗，不要向陌生账户转账。"
        #expect(model.classify(text).label == "anti_fraud")
        let strict = try model.withThresholds(primary: ["anti_fraud": 1])
        let answer = strict.classify(text)
        #expect(answer.label == "other" && answer.abstained && answer.secondary.isEmpty)
        let everything = try model.withThresholds(secondaryMinimum: 0)
        #expect(everything.classify(text).secondary.count == model.labels.count - 2)
        #expect(throws: ThresholdOverrideError.unknownTopic("fraud", known: model.labels)) {
            try model.withThresholds(primary: ["fraud": 0.5])
        }
        #expect(throws: ThresholdOverrideError.outOfRange(name: "secondary minimum", value: 2)) {
            try model.withThresholds(secondaryMinimum: 2)
        }
        #expect(ThresholdOverrideError.unknownTopic("fraud", known: ["a", "b"]).description
            == "threshold for 'fraud': the model has no such topic; use one of a, b")
    }

    @Test func calibrationsSurviveTheModelFileAndVersion2FilesStillLoad() throws {
        let model = try #require(Fixtures.seedModel)
        let bytes = ModelFile.encode(model)
        let loaded = try ModelFile.decode(bytes, path: "m.dsmodel")
        #expect(loaded.rule.calibrations == model.rule.calibrations)
        // A version-2 file: the same payload without the calibration and answer-confidence
        // sections (one 0 byte each for none).
        var legacy = model
        legacy.rule.calibrations = nil
        legacy.rule.answerConfidence = nil
        let v4 = ModelFile.encode(legacy)
        let opened = try BinaryContainer.open(v4, magic: ModelFile.magic, versions: [4])
        let payload = Array(v4[opened.payload].dropLast(2))
        let v2 = BinaryContainer.wrap(payload, magic: ModelFile.magic, version: 2)
        let old = try ModelFile.decode(v2, path: "old.dsmodel")
        #expect(old.rule.calibrations == nil)
        let prediction = old.classify("民警提醒市民警惕电信诈骗，不要向陌生账户转账。")
        #expect(abs(prediction.scores.reduce(Float(0)) { $0 + $1.probability } - 1) < 1e-4)
    }
}
