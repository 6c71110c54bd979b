import Testing
import DocSift

@Suite("Topic scorer (the bulk labeling path)")
struct TopicScorerTests {
    @Test func scorerAgreesWithTheSparseVectorPathOnTheSeeds() throws {
        let model = try TopicModel.loadDefault()
        let scorer = TopicScorer(model)
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let counts = NGramCounts()
        for article in corpus.articles {
            let reference = model.classify(article.text, title: article.title)
            let fast = scorer.classify(article.text, title: article.title, using: counts)
            #expect(fast.label == reference.label, "\(article.id)")
            #expect(fast.secondary == reference.secondary, "\(article.id)")
            for (a, b) in zip(fast.scores, reference.scores) {
                #expect(a.label == b.label && abs(a.probability - b.probability) < 1e-4, "\(article.id)")
            }
        }
        #expect(scorer.classify("", using: counts).label == model.classify("").label)
    }

    /// Rows hold 15 labels per 64-byte vector; a model with more labels spills into
    /// further vectors, which must score the same.
    @Test func modelsWithMoreThanFifteenLabelsScoreTheSame() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let texts = corpus.articles.map(\.text)
        let vectorizer = TFIDFVectorizer.fit(documents: texts)
        let labels = (0..<21).map { "topic\($0)" }
        let c = labels.count
        var generator = SeededGenerator(seed: 7)
        var weights = DenseMatrix(rows: vectorizer.vocabulary.count, columns: c)
        for k in weights.values.indices { weights.values[k] = Float.random(in: -1...1, using: &generator) }
        let bias = (0..<c).map { Float($0) / 100 }
        let rule = DecisionRule(softmaxScale: 10, abstainIndex: nil, abstainThresholds: [Float](repeating: 0, count: c),
                                secondaryThresholds: [Float](repeating: 1, count: c))
        let model = try TopicModel(labels: labels, vectorizer: vectorizer, weights: weights, bias: bias, rule: rule)
        let scorer = TopicScorer(model)
        let counts = NGramCounts()
        for text in texts {
            let reference = try model.scores(of: vectorizer.transform(text))
            let fast = scorer.scores(text, using: counts)
            #expect(fast.count == c)
            #expect(zip(fast, reference).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) })
        }
    }
}
