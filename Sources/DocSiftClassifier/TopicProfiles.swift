import Foundation
import DocSiftFeatures

/// Topic knowledge written by people rather than learned from articles: per topic a short
/// description and weighted key phrases, from which the trainer samples pseudo-documents
/// and builds each topic's prior weight vector.
///
/// File format (`Models/profiles.json`, UTF-8 JSON):
/// ```json
/// {
///   "format": "docsift-topic-profiles",
///   "version": 1,
///   "topics": [
///     { "label": "anti_fraud",
///       "description": "Telecom and online fraud …",
///       "phrases": [ { "text": "电信诈骗", "weight": 3 }, { "text": "反诈", "weight": 3 } ] }
///   ]
/// }
/// ```
/// - `format` must be `docsift-topic-profiles` and `version` must be 1.
/// - `label` is the model label the topic stands for; labels are unique.
/// - `weight` is a positive finite number (by convention 0.5–3): how typical the phrase
///   is of the topic; phrases are sampled in proportion to it. Phrases are written in the
///   profile author's own words, not mined from labeled articles.
/// - Topic and phrase order is kept; it fixes the sampling and so the trained model.
public struct TopicProfiles: Sendable, Codable, Equatable {
    /// One weighted key phrase.
    public struct Phrase: Sendable, Codable, Equatable {
        /// The phrase text.
        public var text: String
        /// Its positive weight.
        public var weight: Double

        /// A phrase with a weight.
        public init(text: String, weight: Double) {
            self.text = text
            self.weight = weight
        }
    }

    /// One topic's profile.
    public struct Topic: Sendable, Codable, Equatable {
        /// The label this profile describes.
        public var label: String
        /// What the topic covers, in a sentence.
        public var description: String
        /// Weighted key phrases.
        public var phrases: [Phrase]

        /// A topic profile.
        public init(label: String, description: String, phrases: [Phrase]) {
            self.label = label
            self.description = description
            self.phrases = phrases
        }
    }

    /// The format name every profile file carries.
    public static let formatName = "docsift-topic-profiles"
    /// The only format version this code reads.
    public static let supportedVersion = 1

    /// Always ``formatName``.
    public var format: String
    /// Always ``supportedVersion``.
    public var version: Int
    /// The topics, in file order.
    public var topics: [Topic]

    /// Profiles over the given topics.
    public init(topics: [Topic]) {
        self.format = TopicProfiles.formatName
        self.version = TopicProfiles.supportedVersion
        self.topics = topics
    }

    /// The labels profiled, in file order.
    public var labels: [String] { topics.map(\.label) }

    /// The profile of `label`, if any.
    public func topic(_ label: String) -> Topic? { topics.first { $0.label == label } }

    /// Reads and validates a profile file.
    /// - Throws: ``ClassifierError/unreadable(path:reason:)`` or ``ClassifierError/malformed(path:reason:)``.
    public static func load(from url: URL) throws -> TopicProfiles {
        let data: Data
        switch FileSystemReason.contents(of: url) {
        case .success(let bytes): data = Data(bytes)
        case .failure(let failure): throw ClassifierError.unreadable(path: url.path, reason: failure.reason)
        }
        let profiles: TopicProfiles
        do { profiles = try JSONDecoder().decode(TopicProfiles.self, from: data) } catch {
            throw ClassifierError.malformed(path: url.path, reason: "not a topic profile file: \(error)")
        }
        try profiles.validate(path: url.path)
        return profiles
    }

    /// Checks format, version, unique labels and positive finite weights.
    /// - Throws: ``ClassifierError/malformed(path:reason:)`` naming `path`.
    public func validate(path: String = "<profiles>") throws {
        guard format == TopicProfiles.formatName else {
            throw ClassifierError.malformed(path: path, reason: "format is \"\(format)\", expected \"\(TopicProfiles.formatName)\"")
        }
        guard version == TopicProfiles.supportedVersion else {
            throw ClassifierError.malformed(path: path, reason: "version \(version) is not supported (expected \(TopicProfiles.supportedVersion))")
        }
        var seen = Set<String>()
        for topic in topics {
            guard !topic.label.isEmpty, seen.insert(topic.label).inserted else {
                throw ClassifierError.malformed(path: path, reason: "empty or repeated topic label \"\(topic.label)\"")
            }
            guard !topic.phrases.isEmpty else {
                throw ClassifierError.malformed(path: path, reason: "topic \(topic.label) has no phrases")
            }
            for phrase in topic.phrases {
                guard !phrase.text.isEmpty, phrase.weight.isFinite, phrase.weight > 0 else {
                    throw ClassifierError.malformed(
                        path: path, reason: "topic \(topic.label): phrase \"\(phrase.text)\" needs text and a positive weight")
                }
            }
        }
    }

    /// `Models/profiles.json` of this source checkout, for tests and tools run from a clone.
    public static var bundledURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DocSiftClassifier
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Models/profiles.json")
    }
}
