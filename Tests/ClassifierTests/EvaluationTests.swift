import DocSift
import Foundation
import Testing

@Suite("Metrics and cross-validation")
struct EvaluationTests {
    @Test func metricsOfAKnownConfusion() throws {
        let truth = ["a", "a", "a", "b", "b", "c"]
        let predicted = ["a", "a", "b", "b", "c", "c"]
        let metrics = ClassificationMetrics(truth: truth, predicted: predicted, labels: ["a", "b", "c"])
        #expect(metrics.count == 6)
        #expect(abs(metrics.accuracy - 4.0 / 6) < 1e-12)
        #expect(metrics.confusion == [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
        let a = try #require(metrics.perClass["a"])
        #expect(a.precision == 1 && abs(a.recall - 2.0 / 3) < 1e-12)
        let b = try #require(metrics.perClass["b"])
        #expect(b.precision == 0.5 && b.recall == 0.5 && b.f1 == 0.5)
        let f1a = 2 * (1 * 2.0 / 3) / (1 + 2.0 / 3)
        let f1c = 2 * 0.5 / 1.5
        #expect(abs(metrics.macroF1 - (f1a + 0.5 + f1c) / 3) < 1e-12)
    }

    @Test func macroF1AveragesOnlyLabelsPresentInTruth() {
        let metrics = ClassificationMetrics(truth: ["a", "a"], predicted: ["a", "z"], labels: ["a", "b"])
        #expect(metrics.macroLabels == ["a"])
        #expect(abs(metrics.macroF1 - 2.0 / 3) < 1e-12)
        #expect(metrics.perClass["b"] == nil)
        #expect(metrics.perClass["z"]?.predicted == 1)
    }

    @Test func metricsEncodeWithSnakeCaseKeys() throws {
        let metrics = ClassificationMetrics(truth: ["a"], predicted: ["a"])
        let json = String(decoding: try JSONEncoder().encode(metrics), as: UTF8.self)
        for key in ["\"accuracy\"", "\"macro_f1\"", "\"per_class\"", "\"confusion_matrix\""] { #expect(json.contains(key)) }
    }

    @Test func groupedCrossValidationNeedsGroups() {
        let examples = [LabeledText(text: "一", label: "a"), LabeledText(text: "二", label: "b")]
        #expect(throws: ClassifierError.self) {
            try GroupedCrossValidation(trainer: TopicClassifierTrainer(options: .corpus())).run(examples)
        }
    }

    /// Leave one seed page out: each page is predicted by a model trained on the other four
    /// pages plus the profiles (the `topics` preset), with calibration and thresholds chosen
    /// inside those four pages only.
    @Test func leaveOnePageOutReachesTheTarget() throws {
        let options = TrainingPreset.topics.options(usingProfiles: true, examples: [])
        let validation = GroupedCrossValidation(trainer: TopicClassifierTrainer(options: options), profiles: Fixtures.profiles)
        let report = try validation.run(CalibrationTests.seedExamplesWithSecondary)
        let metrics = report.metrics
        print("seeds leave-one-page-out: macro-F1 \(metrics.macroF1), accuracy \(metrics.accuracy)")
        for label in metrics.labels { if let c = metrics.perClass[label] { print("  \(label): P \(c.precision) R \(c.recall) F1 \(c.f1) n \(c.support)") } }
        #expect(report.folds.count == 5)
        #expect(metrics.count == 37)
        #expect(metrics.macroF1 >= 0.80)
        #expect((metrics.perClass["anti_fraud"]?.recall ?? 0) > 0)
    }

    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func jsonLinesReaderReadsCnewsFolds() throws {
        let url = Fixtures.sharedData.appendingPathComponent("cnews_fulltext/cnews_subset.jsonl")
        let examples = try LabeledTextReader.jsonLines(url, groupField: "fold")
        #expect(examples.count == 1316)
        #expect(Set(examples.compactMap(\.group)) == ["0", "1", "2", "3", "4"])
        #expect(Set(examples.map(\.label)).count == 10)
    }

    @Test func jsonLinesReaderReportsBadLines() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bad.jsonl")
        try Data("{\"text\": \"好\", \"label\": \"a\"}\nnot json\n".utf8).write(to: url)
        #expect(throws: CorpusError.malformed(path: url.path, reason: "line 2: malformed JSON")) {
            try LabeledTextReader.jsonLines(url)
        }
    }
}

@Suite("General news stays other")
struct BackgroundTests {
    /// Trained with general news (cnews) as weighted `other` examples, the model must leave
    /// most headlines of another general-news corpus (THUCNews titles) as `other`.
    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func generalNewsHeadlinesAreMostlyOther() throws {
        let background = try LabeledTextReader.jsonLines(
            Fixtures.sharedData.appendingPathComponent("cnews_fulltext/cnews_subset.jsonl")).map(\.text)
        var options = Fixtures.options
        options.maxBackgroundExamples = 200
        let model = try TopicClassifierTrainer(options: options)
            .train(examples: Fixtures.seedExamples, profiles: Fixtures.profiles, background: background)
        let titles = try LabeledTextReader.jsonLines(
            Fixtures.sharedData.appendingPathComponent("thucnews_titles/test.jsonl")).prefix(2000).map(\.text)
        let topical = model.classify(titles).filter { $0.label != "other" }.count
        print("THUCNews test titles labelled with a topic: \(topical) of \(titles.count)")
        #expect(Double(topical) / Double(titles.count) < 0.15)
        let metrics = model.evaluate(Fixtures.seedExamples)
        #expect(metrics.accuracy >= 0.8)
    }
}
