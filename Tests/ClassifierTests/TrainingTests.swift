import DocSift
import Testing

@Suite("Training on the seeds")
struct TrainingTests {
    @Test func seedsLoadWithEveryTopic() {
        #expect(Fixtures.seedExamples.count == 37)
        #expect(Set(Fixtures.seedExamples.map(\.label)) == Set(TopicLabel.allCases.map(\.rawValue)))
    }

    @Test func modelKnowsTheFiveTopicsInProfileOrder() throws {
        let model = try #require(Fixtures.seedModel)
        #expect(model.labels == ["party_building", "rural_revitalization", "safety_production", "anti_fraud", "other"])
        #expect(model.abstainLabel == "other")
        #expect(model.vectorizer.vocabulary.count > 1000)
    }

    /// The profile prior dominates on purpose (so the model generalizes past the seed
    /// pages), but the seed articles must still pull the model toward their labels.
    @Test func seedArticlesMoveTheModelBeyondTheProfiles() throws {
        var options = Fixtures.options
        options.selectsThresholds = false
        let trainer = TopicClassifierTrainer(options: options)
        let model = try trainer.train(examples: Fixtures.seedExamples, profiles: Fixtures.profiles)
        let profilesOnly = try trainer.train(examples: [], profiles: Fixtures.profiles)
        let withSeeds = model.evaluate(Fixtures.seedExamples)
        let withoutSeeds = profilesOnly.evaluate(Fixtures.seedExamples)
        print("training accuracy with seeds \(withSeeds.accuracy), profiles only \(withoutSeeds.accuracy)")
        #expect(withSeeds.accuracy >= 0.8)
        #expect(withSeeds.accuracy > withoutSeeds.accuracy)
    }

    @Test func trainingTwiceGivesTheSameBytes() throws {
        let trainer = TopicClassifierTrainer(options: Fixtures.options)
        let first = try trainer.train(examples: Fixtures.seedExamples, profiles: Fixtures.profiles)
        let second = try trainer.train(examples: Fixtures.seedExamples, profiles: Fixtures.profiles)
        #expect(ModelFile.encode(first) == ModelFile.encode(second))
    }

    @Test func anotherSamplingSeedGivesAnotherModel() throws {
        var options = Fixtures.options
        options.samplingSeed &+= 1
        let other = try TopicClassifierTrainer(options: options).train(examples: Fixtures.seedExamples, profiles: Fixtures.profiles)
        let model = try #require(Fixtures.seedModel)
        #expect(ModelFile.encode(other) != ModelFile.encode(model))
    }

    @Test func arbitraryLabelSetsTrainWithoutProfiles() throws {
        let examples = [
            LabeledText(text: "球队在主场以三比一战胜对手，球迷欢呼", label: "体育"),
            LabeledText(text: "前锋打进两球，球队晋级决赛", label: "体育"),
            LabeledText(text: "股市今日大涨，银行板块领涨", label: "财经"),
            LabeledText(text: "央行宣布降准，股市和债市反应积极", label: "财经"),
        ]
        let model = try TopicClassifierTrainer(options: .corpus()).train(examples: examples)
        #expect(model.labels == ["体育", "财经"])
        #expect(model.abstainLabel == nil)
        #expect(model.classify("球队在决赛中打进一球").label == "体育")
        #expect(model.classify("银行股领涨股市").label == "财经")
    }

    @Test func badOptionsAreTypedErrors() {
        var options = TrainingOptions()
        options.regularization = 0
        #expect(throws: ClassifierError.self) {
            try TopicClassifierTrainer(options: options).train(examples: Fixtures.seedExamples)
        }
        #expect(throws: ClassifierError.self) {
            try TopicClassifierTrainer().train(examples: [], profiles: nil)
        }
    }
}

@Suite("Model size")
struct PruningTests {
    @Test func prunedModelKeepsTheStrongestFeatures() throws {
        var options = Fixtures.options
        options.maxModelFeatures = 3000
        options.selectsThresholds = false
        let model = try TopicClassifierTrainer(options: options).train(examples: Fixtures.seedExamples, profiles: Fixtures.profiles)
        #expect(model.vectorizer.vocabulary.count == 3000)
        #expect(model.weights.rows == 3000)
        #expect(model.classify("民警提醒市民警惕电信诈骗，不要向陌生账户转账。").label == "anti_fraud")
        let full = try #require(Fixtures.seedModel)
        #expect(ModelFile.encode(model).count < ModelFile.encode(full).count / 4)
    }
}
