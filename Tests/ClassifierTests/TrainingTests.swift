import DocSift
@testable import DocSiftClassifier
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

@Suite("Training that scales: one counting pass, compact rows, solver by cost")
struct ScalableTrainingTests {
    /// The one-pass counter must give exactly the vectorizer and vectors that fitting a
    /// ``TFIDFVectorizer`` and transforming each text give: the shipped model's bytes rest on it.
    @Test(arguments: [(1, nil), (2, nil), (1, 5000)] as [(Int, Int?)])
    func countedRowsAreTheVectorizersVectors(minDocumentFrequency: Int, maxFeatures: Int?) throws {
        let texts = Fixtures.seedExamples.map(\.text)
        let options = try NGramOptions(minLength: 1, maxLength: 3)
        var counter = TrainingCorpusCounter(options: options)
        for text in texts { counter.add(text) }
        counter.add("只计入词频的伪文档：反诈骗宣传", keepsRow: false)
        let (vectorizer, rows) = counter.vectorized(minDocumentFrequency: minDocumentFrequency, maxFeatures: maxFeatures,
                                                    background: nil)
        let expected = TFIDFVectorizer.fit(documents: texts + ["只计入词频的伪文档：反诈骗宣传"], options: options,
                                           minDocumentFrequency: minDocumentFrequency, maxFeatures: maxFeatures)
        #expect(vectorizer == expected)
        #expect(rows.rowCount == texts.count)
        for (i, text) in texts.enumerated() {
            let vector = expected.transform(text)
            #expect(rows.row(i).indices == vector.indices)
            #expect(rows.row(i).values.map(\.bitPattern) == vector.values.map(\.bitPattern))
        }
    }

    /// Preparing rows for a solver renumbers features by use and moves singletons last;
    /// restoring gives the original numbering back.
    @Test func solverLayoutFoldsSingletonsAndRestores() {
        let vectorizer = TFIDFVectorizer.fit(documents: Fixtures.seedExamples.map(\.text))
        var rows = SparseRowMatrix(featureCount: vectorizer.vocabulary.count)
        for example in Fixtures.seedExamples { rows.append(vectorizer.transform(example.text)) }
        let original = (0..<rows.rowCount).map { rows.row($0) }
        let layout = rows.prepareForSolver()
        for i in 0..<rows.rowCount {
            let all = rows.entries(of: i), shared = rows.sharedEntries(of: i, in: layout)
            #expect(shared.allSatisfy { Int(rows.indices[$0]) < layout.sharedFeatureCount })
            #expect((shared.upperBound..<all.upperBound).allSatisfy { Int(rows.indices[$0]) >= layout.sharedFeatureCount })
            var squares: Float = 0
            for p in shared.upperBound..<all.upperBound { squares += rows.values[p] * rows.values[p] }
            #expect(squares == layout.singletonSquares[i])
        }
        rows.restoreNumbering(layout)
        for i in 0..<rows.rowCount {
            let row = rows.row(i)
            let pairs = zip(row.indices, row.values).sorted { $0.0 < $1.0 }
            #expect(pairs.map(\.0) == original[i].indices && pairs.map(\.1) == original[i].values)
        }
    }

    /// Cutting the texts on several threads changes nothing: 5,000 THUCNews titles (three
    /// chunks on three threads) give the same model bytes as one thread.
    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func countingThreadsGiveTheSameModelBytes() throws {
        let url = Fixtures.sharedData.appendingPathComponent("thucnews_titles/dev.jsonl")
        let examples = Array(try LabeledTextReader.jsonLines(url, groupField: nil).prefix(5000))
        var trainer = TopicClassifierTrainer(options: .corpus(for: examples))
        let one = ModelFile.encode(try trainer.train(examples: examples))
        trainer.countingThreads = 3
        let three = ModelFile.encode(try trainer.train(examples: examples))
        #expect(one == three)
    }

    /// The squared loss is solved exactly while that is affordable, else by dual coordinate
    /// descent: no example count caps training, and no large corpus gets an n × n matrix.
    @Test func solverFollowsTheEstimatedCost() {
        let options = TrainingOptions.corpus(loss: .squared)
        // A cnews fold: 1,052 long articles.
        #expect(options.solver(rowCount: 1052, nonzeros: 1_292_364, featureCount: 176_794, labelCount: 10) == .exactRidge)
        // The shipped model's fit: 437 rows over 27,533 features.
        #expect(TrainingOptions().solver(rowCount: 437, nonzeros: 192_000, featureCount: 27_533, labelCount: 5) == .exactRidge)
        // THUCNews titles and a million headlines.
        #expect(options.solver(rowCount: 10_000, nonzeros: 522_000, featureCount: 213_000, labelCount: 10) == .dualCoordinateDescent)
        #expect(options.solver(rowCount: 1_000_000, nonzeros: 55_000_000, featureCount: 4_400_000, labelCount: 23)
                == .dualCoordinateDescent)
        var hinge = options
        hinge.loss = .squaredHinge
        #expect(hinge.solver(rowCount: 100, nonzeros: 1000, featureCount: 500, labelCount: 2) == .dualCoordinateDescent)
        var pinned = options
        pinned.ridgeSolver = .exactRidge
        #expect(pinned.solver(rowCount: 10_000, nonzeros: 522_000, featureCount: 213_000, labelCount: 10) == .exactRidge)
        pinned.ridgeSolver = .conjugateGradient
        #expect(pinned.solver(rowCount: 10_000, nonzeros: 522_000, featureCount: 213_000, labelCount: 10) == .conjugateGradient)
    }
}
