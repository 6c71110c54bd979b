import DocSift
import Foundation
import Testing

@Suite("Scoring, thresholds and abstaining")
struct ScoringTests {
    @Test func scoresAreInModelLabelOrder() throws {
        let model = try #require(Fixtures.seedModel)
        let prediction = model.classify("村里的合作社带动村民种植茶叶，农民增收致富。")
        #expect(prediction.scores.map(\.label) == model.labels)
    }

    @Test func clearTopicTextsGetTheirTopic() throws {
        let model = try #require(Fixtures.seedModel)
        #expect(model.classify("煤矿井下开展安全隐患排查，班组长带领职工学习安全生产规程。").label == "safety_production")
        #expect(model.classify("民警提醒市民警惕电信诈骗，不要向陌生账户转账。").label == "anti_fraud")
        #expect(model.classify("村集体经济发展壮大，乡村旅游带动农民增收。").label == "rural_revitalization")
        #expect(model.classify("社区党支部开展主题党日活动，党员学习党的创新理论。").label == "party_building")
    }

    @Test func batchScoringMatchesSingleDocuments() throws {
        let model = try #require(Fixtures.seedModel)
        let texts = Fixtures.seedExamples.map(\.text) + ["", "天气晴朗"]
        let batch = model.classify(texts)
        #expect(batch.count == texts.count)
        for (text, prediction) in zip(texts, batch) {
            let single = model.classify(text)
            #expect(single.label == prediction.label)
            // Float sums in another order (reference BLAS vs OpenBLAS vs the loop): relative tolerance.
            for (a, b) in zip(single.scores, prediction.scores) {
                #expect(abs(a.score - b.score) <= 1e-5 * max(1, abs(a.score), abs(b.score)) + 2e-4)
            }
        }
    }

    @Test func abstainRuleAnswersTheAbstainLabelBelowThreshold() {
        let rule = DecisionRule(softmaxScale: 1, abstainIndex: 2, abstainThresholds: [0.6, 0.3, 0], secondaryThresholds: [0.25, 0.25, 1.5])
        let unsure = rule.decide([0.5, 0.3, 0.2])
        #expect(unsure.label == 2 && unsure.abstained)
        #expect(unsure.secondary == [1])  // the abstained top topic is not secondary
        let sure = rule.decide([0.7, 0.26, 0.04])
        #expect(sure.label == 0 && !sure.abstained)
        #expect(sure.secondary == [1])
        let otherWins = rule.decide([0.1, 0.2, 0.7])
        #expect(otherWins.label == 2 && !otherWins.abstained && otherWins.secondary.isEmpty)
        // No probabilities at all (read past the array before): no label beyond index 0, no trap.
        let none = rule.decide([])
        #expect(none.label == 0 && !none.abstained && none.secondary.isEmpty)
        #expect(rule.probabilities([]).isEmpty)
    }

    @Test func thresholdsComeFromTrainingAndAreProbabilities() throws {
        let model = try #require(Fixtures.seedModel)
        for (index, threshold) in model.rule.abstainThresholds.enumerated() {
            #expect(threshold >= 0 && threshold < 1, "threshold of \(model.labels[index])")
        }
        let otherIndex = try #require(model.labels.firstIndex(of: "other"))
        #expect(model.rule.abstainThresholds[otherIndex] == 0)
    }

    @Test func emptyTextIsAnsweredWithoutCrashing() throws {
        let model = try #require(Fixtures.seedModel)
        let prediction = model.classify("", title: nil)
        #expect(model.labels.contains(prediction.label))
    }

    @Test func modelCanBeUsedFromManyTasks() async throws {
        let model = try #require(Fixtures.seedModel)
        let texts = Fixtures.seedExamples.map(\.text)
        let expected = texts.map { model.classify($0).label }
        let labels = await withTaskGroup(of: (Int, String).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, model.classify(text).label) } }
            var result = [String](repeating: "", count: texts.count)
            for await (index, label) in group { result[index] = label }
            return result
        }
        #expect(labels == expected)
    }

    @Test("an index at the feature count is a typed error, not a read past the weights")
    func outOfRangeIndexIsATypedError() throws {
        let model = try #require(Fixtures.seedModel)
        let features = model.weights.rows
        #expect(features == model.vectorizer.vocabulary.count)
        // Past the model's features: the model refuses the vector.
        for bad in [Int32(features), Int32(features) + 1, Int32.max] {
            #expect(throws: ClassifierError.self, "index \(bad)") {
                try model.scores(of: SparseVector(indices: [bad], values: [1]))
            }
        }
        #expect(throws: ClassifierError.self) {
            try model.scores(of: SparseVector(indices: [0, 1, Int32(features)], values: [1, 1, 1]))
        }
        // Negative, unsorted or mismatched entries never make a vector at all.
        for (indices, values) in [([-1], [1]), ([Int32.min], [1]), ([0, Int32(features), 1], [1, 1, 1]), ([0, 1], [1])] as [([Int32], [Float])] {
            #expect(throws: SparseVectorError.self) { try SparseVector(indices: indices, values: values) }
        }
        do {
            _ = try model.scores(of: SparseVector(indices: [Int32(features)], values: [1]))
        } catch let error as ClassifierError {
            let message = try #require(error.errorDescription)
            #expect(message.contains("\(features)") && !message.contains("\n"))
            #expect(error.localizedDescription == message)
        }
    }

    @Test func checkedScoresOfRealTextMatchClassify() throws {
        let model = try #require(Fixtures.seedModel)
        for example in Fixtures.seedExamples.prefix(8) {
            let vector = model.vectorizer.transform(example.text)
            let scores = try model.scores(of: vector)
            #expect(scores == model.classify(example.text).scores.map(\.score))
            // The last feature is in range.
            let last = Int32(model.weights.rows - 1)
            #expect(try model.scores(of: SparseVector(indices: [last], values: [1])).count == model.labels.count)
        }
    }

    @Test("models with NaN numbers or repeated labels are refused")
    func invalidModelPartsAreRefused() throws {
        let model = try #require(Fixtures.seedModel)
        var bias = model.bias
        bias[0] = .nan
        #expect(throws: ClassifierError.self) {
            try TopicModel(labels: model.labels, vectorizer: model.vectorizer, weights: model.weights, bias: bias, rule: model.rule)
        }
        var weights = model.weights
        weights.values[0] = .infinity  // package code can write entries; the model still checks them
        #expect(throws: ClassifierError.self) {
            try TopicModel(labels: model.labels, vectorizer: model.vectorizer, weights: weights, bias: model.bias, rule: model.rule)
        }
        var rule = model.rule
        rule.softmaxScale = .nan
        #expect(throws: ClassifierError.self) {
            try TopicModel(labels: model.labels, vectorizer: model.vectorizer, weights: model.weights, bias: model.bias, rule: rule)
        }
        var labels = model.labels
        labels[1] = labels[0]
        #expect(throws: ClassifierError.self) {
            try TopicModel(labels: labels, vectorizer: model.vectorizer, weights: model.weights, bias: model.bias, rule: model.rule)
        }
        let rebuilt = try TopicModel(
            labels: model.labels, vectorizer: model.vectorizer, weights: model.weights, bias: model.bias, rule: model.rule,
            convertsTraditional: model.convertsTraditional)
        #expect(rebuilt == model)
    }
}
