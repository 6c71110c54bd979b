/// Turns topic profiles into synthetic training texts: each pseudo-document is a run of
/// key phrases drawn with replacement in proportion to their weights, separated by
/// Chinese commas (so that no n-gram spans two phrases). Deterministic for a seed.
package struct PseudoDocumentSampler: Sendable {
    /// Pseudo-documents per topic.
    package var documentsPerTopic: Int
    /// Phrases drawn per pseudo-document.
    package var phrasesPerDocument: Int
    /// The sampling seed.
    package var seed: UInt64

    /// A sampler with the given counts and seed.
    package init(documentsPerTopic: Int, phrasesPerDocument: Int, seed: UInt64) {
        self.documentsPerTopic = documentsPerTopic
        self.phrasesPerDocument = phrasesPerDocument
        self.seed = seed
    }

    /// Pseudo-documents for every topic of `profiles`, topic after topic, as labeled texts.
    package func sample(_ profiles: TopicProfiles) -> [LabeledText] {
        var generator = SeededGenerator(seed: seed)
        var documents: [LabeledText] = []
        for topic in profiles.topics where !topic.phrases.isEmpty {
            var cumulative: [Double] = []
            var total = 0.0
            for phrase in topic.phrases {
                total += max(0, phrase.weight)
                cumulative.append(total)
            }
            guard total > 0 else { continue }
            for _ in 0..<max(0, documentsPerTopic) {
                var pieces: [String] = []
                pieces.reserveCapacity(phrasesPerDocument)
                for _ in 0..<max(0, phrasesPerDocument) {
                    let target = generator.nextUnit() * total
                    pieces.append(topic.phrases[Self.firstIndex(above: target, in: cumulative)].text)
                }
                documents.append(LabeledText(text: pieces.joined(separator: "，"), label: topic.label, group: nil))
            }
        }
        return documents
    }

    /// The first position whose cumulative weight exceeds `target` (binary search).
    static func firstIndex(above target: Double, in cumulative: [Double]) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
