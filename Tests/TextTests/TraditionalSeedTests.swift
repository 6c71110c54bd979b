import DocSift
import Foundation
import Testing
@testable import DocSiftText

/// The 37 seed articles in traditional characters (OpenCC s2twp and s2hk) get the labels,
/// cross-validated macro-F1 and summaries of the simplified originals.
@Suite struct TraditionalSeedTests {
    static func examples(_ corpus: SeedCorpus) -> [LabeledText] {
        corpus.articles.map { LabeledText(text: $0.text, label: $0.label, group: $0.page) }
    }

    @Test(arguments: TraditionalSeeds.configurations)
    func shippedModelGivesEveryTraditionalArticleTheSimplifiedLabel(configuration: String) throws {
        let simplified = try #require(Seeds.corpus, "seed corpus missing")
        let traditional = try #require(TraditionalSeeds.corpus(configuration), "fixture \(configuration) missing")
        let model = try TopicModel.loadDefault()
        #expect(model.convertsTraditional)
        var unconverted = 0
        for (a, b) in zip(simplified.articles, traditional.articles) {
            #expect(a.id == b.id)
            let expected = model.classify(a.text, title: a.title)
            let got = model.classify(b.text, title: b.title)
            #expect(got.label == expected.label, "\(a.id)")
            if model.converting(false).classify(b.text, title: b.title).label != expected.label { unconverted += 1 }
        }
        print("\(configuration): without conversion \(unconverted) of \(simplified.articles.count) labels differ")
    }

    /// Leave-one-page-out macro-F1 (as `docsift eval seeds/articles.json --cv-field page`).
    @Test(arguments: TraditionalSeeds.configurations)
    func crossValidatedMacroF1MatchesTheSimplifiedSeeds(configuration: String) throws {
        let simplified = try #require(Seeds.corpus, "seed corpus missing")
        let traditional = try #require(TraditionalSeeds.corpus(configuration), "fixture \(configuration) missing")
        let validation = GroupedCrossValidation(trainer: TopicClassifierTrainer(), profiles: try TopicProfiles.loadDefault())
        let base = try validation.run(TraditionalSeedTests.examples(simplified)).metrics.macroF1
        let converted = try validation.run(TraditionalSeedTests.examples(traditional)).metrics.macroF1
        print("\(configuration): leave-one-page-out macro-F1 \(converted) vs simplified \(base)")
        #expect(abs(converted - base) <= 0.01)
    }

    /// Summaries of the traditional articles pick the same sentences and keep the
    /// traditional characters: each summary sentence is text of the traditional article.
    @Test(arguments: TraditionalSeeds.configurations)
    func summariesPickTheSameSentencesInTheOriginalCharacters(configuration: String) throws {
        let simplified = try #require(Seeds.corpus, "seed corpus missing")
        let traditional = try #require(TraditionalSeeds.corpus(configuration), "fixture \(configuration) missing")
        let summarizer = Summarizer(background: try BackgroundIDF.loadDefault())
        let converter = ScriptConverter.traditionalToSimplified
        var same = 0
        for (a, b) in zip(simplified.articles, traditional.articles) {
            let expected = summarizer.summarize(a.text, title: a.title)
            let got = summarizer.summarize(b.text, title: b.title)
            if got.sentenceIndices == expected.sentenceIndices { same += 1 }
            let flat = b.text.replacingOccurrences(of: "\n", with: "")
            for piece in got.sentences {
                // A marked cut ends in "…" (and the quotation marks it closes): not article text.
                var text = Substring(piece)
                if let mark = text.lastIndex(of: "…"), text[text.index(after: mark)...].allSatisfy({ "”’」』）)》】".contains($0) }) {
                    text = text[..<mark]
                }
                let sentence = String(text)
                #expect(flat.contains(sentence.replacingOccurrences(of: " ", with: "")) || flat.contains(sentence), "\(a.id): \(sentence)")
                #expect(converter.convert(sentence) != sentence || !converter.isTraditional(b.text), "\(a.id): not original characters")
            }
        }
        print("\(configuration): \(same) of \(simplified.articles.count) summaries pick the same sentences")
        #expect(same >= simplified.articles.count - 2)
    }
}
