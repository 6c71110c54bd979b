import Testing
import DocSift

@Suite("Streamed scoring")
struct StreamedScoringTests {
    @Test func streamedScoresEqualTheSparseVectorPath() throws {
        let model = try TopicModel.loadDefault()
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let workspace = TFIDFVectorizer.Workspace()
        for article in corpus.articles {
            let reference = model.classify(article.text, title: article.title)
            let streamed = model.classify(article.text, title: article.title, using: workspace)
            #expect(streamed.label == reference.label, "\(article.id)")
            #expect(streamed.secondary == reference.secondary, "\(article.id)")
            for (a, b) in zip(streamed.scores, reference.scores) {
                #expect(a.label == b.label && abs(a.probability - b.probability) < 1e-4, "\(article.id)")
            }
        }
        #expect(model.classify("", using: workspace).label == model.classify("").label)
    }
}
