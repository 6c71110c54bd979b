import Foundation

/// The training policy shared by `docsift train`, `docsift eval --cv-field` and services:
/// which preset applies and when the shipped topic profiles are used.
public enum TrainingPreset: String, Sendable, CaseIterable {
    /// Topic profiles as a prior, abstain to `other`, thresholds by nested cross-validation.
    case topics
    /// A plain labeled corpus (cnews, THUCNews): no profiles, no abstaining.
    case corpus
    /// `topics` when profiles are used, else `corpus`.
    case auto

    /// The training options of this preset for `examples` (the corpus preset looks at their lengths).
    public func options(usingProfiles: Bool, examples: [LabeledText]) -> TrainingOptions {
        switch self {
        case .topics: return TrainingOptions()
        case .corpus: return .corpus(for: examples)
        case .auto: return usingProfiles ? TrainingOptions() : .corpus(for: examples)
        }
    }

    /// The profiles to train with: none when `disabled`, the file at `path` when given, else
    /// the shipped profiles when any data path is a seed manifest (the topics the profiles
    /// describe), else none.
    /// - Throws: when a profiles file is missing or malformed.
    public static func profiles(path: String?, disabled: Bool, dataPaths: [String]) throws -> TopicProfiles? {
        if disabled { return nil }
        if let path { return try TopicProfiles.load(from: URL(fileURLWithPath: path)) }
        return dataPaths.contains(where: LabeledDataReader.isSeedManifest) ? try TopicProfiles.loadDefault() : nil
    }
}
