import DocSift
import Foundation
import Testing

@Suite("Topic profiles and pseudo-documents")
struct ProfileTests {
    @Test func bundledProfilesCoverTheFourTopics() throws {
        let profiles = try #require(Fixtures.profiles)
        for topic in ["party_building", "rural_revitalization", "safety_production", "anti_fraud"] {
            let profile = try #require(profiles.topic(topic))
            #expect((40...120).contains(profile.phrases.count), "\(topic) has \(profile.phrases.count) phrases")
            #expect(profile.phrases.allSatisfy { (0.5...3).contains($0.weight) })
        }
    }

    @Test func wrongVersionIsRejected() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("profiles.json")
        try Data(#"{"format":"docsift-topic-profiles","version":2,"topics":[]}"#.utf8).write(to: url)
        #expect(throws: ClassifierError.self) { try TopicProfiles.load(from: url) }
        try Data(#"{"format":"docsift-topic-profiles","version":1,"topics":[{"label":"a","description":"","phrases":[{"text":"x","weight":-1}]}]}"#.utf8).write(to: url)
        #expect(throws: ClassifierError.self) { try TopicProfiles.load(from: url) }
    }

    @Test func samplingIsDeterministicAndWeighted() {
        let profiles = TopicProfiles(topics: [
            .init(label: "t", description: "", phrases: [.init(text: "重", weight: 9), .init(text: "轻", weight: 1)]),
        ])
        let sampler = PseudoDocumentSampler(documentsPerTopic: 4, phrasesPerDocument: 200, seed: 42)
        let first = sampler.sample(profiles)
        #expect(first == sampler.sample(profiles))
        #expect(first.count == 4 && first.allSatisfy { $0.label == "t" })
        let heavy = first.map(\.text).joined().filter { $0 == "重" }.count
        let light = first.map(\.text).joined().filter { $0 == "轻" }.count
        #expect(heavy + light == 800)
        #expect(heavy > 5 * light)
        #expect(PseudoDocumentSampler(documentsPerTopic: 4, phrasesPerDocument: 200, seed: 43).sample(profiles) != first)
    }
}
