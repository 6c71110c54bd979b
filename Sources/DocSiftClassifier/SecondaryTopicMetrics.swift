/// How right the listed secondary topics are, against gold that records them. A listed
/// topic is right when the document is about it (its gold primary or a gold secondary);
/// a gold secondary topic is found when it is listed as secondary. Encodes as
/// `{"precision","recall","listed","right","gold","found","documents_with_secondary"}`.
public struct SecondaryTopicMetrics: Sendable, Codable, Equatable {
    /// Right listings over all listings (0 when nothing is listed).
    public var precision: Double
    /// Found gold secondary topics over all gold secondary topics (0 when there are none).
    public var recall: Double
    /// Secondary topics listed.
    public var listed: Int
    /// Listed topics the document is about.
    public var right: Int
    /// Gold secondary topics.
    public var gold: Int
    /// Gold secondary topics listed.
    public var found: Int
    /// Documents given at least one secondary topic.
    public var documentsWithSecondary: Int

    enum CodingKeys: String, CodingKey {
        case precision, recall, listed, right, gold, found
        case documentsWithSecondary = "documents_with_secondary"
    }

    /// Metrics of `predicted` secondary lists against gold primary labels and gold secondary lists.
    public init(predicted: [[String]], truth: [String], goldSecondary: [[String]]) {
        var listed = 0, right = 0, gold = 0, found = 0, documents = 0
        for k in 0..<min(predicted.count, truth.count, goldSecondary.count) {
            let golden = Set(goldSecondary[k])
            listed += predicted[k].count
            if !predicted[k].isEmpty { documents += 1 }
            right += predicted[k].filter { golden.contains($0) || $0 == truth[k] }.count
            gold += golden.count
            found += golden.intersection(predicted[k]).count
        }
        self.listed = listed
        self.right = right
        self.gold = gold
        self.found = found
        self.documentsWithSecondary = documents
        self.precision = listed > 0 ? Double(right) / Double(listed) : 0
        self.recall = gold > 0 ? Double(found) / Double(gold) : 0
    }
}
