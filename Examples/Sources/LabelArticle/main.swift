// Labels and summarizes one seed article with DocSift's library API.
// Usage: LabelArticle [MANIFEST [ARTICLE-ID]]  (default: ../seeds/articles.json, the first anti_fraud article)
import DocSift
import Foundation

let arguments = CommandLine.arguments.dropFirst()
let manifest = URL(fileURLWithPath: arguments.first ?? "../seeds/articles.json")
let seeds = try SeedCorpus(manifestURL: manifest)
let wanted = arguments.dropFirst().first
guard let article = seeds.articles.first(where: { seed in wanted.map { seed.id == $0 } ?? (seed.label == "anti_fraud") }) else {
    print("no seed article \(wanted ?? "labeled anti_fraud") in \(manifest.path)")
    exit(1)
}
let articleText = article.text, articleTitle = article.title
print("article \(article.id): \(articleTitle)")

// README snippet begins
// Load once and share: models are immutable Sendable values, safe on any number of threads.
let model = try TopicModel.loadDefault()
let summarizer = Summarizer(background: try BackgroundIDF.loadDefault())

let prediction = model.classify(articleText, title: articleTitle)
print(prediction.label, prediction.confidence, prediction.secondary)  // e.g. anti_fraud 0.91 []
for score in prediction.scores { print(score.label, score.probability) }
print(model.explain(articleText, label: prediction.label, top: 5).map(\.ngram))
print(summarizer.summarize(articleText, title: articleTitle, maxCharacters: 120).text)
// README snippet ends
