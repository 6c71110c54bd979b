import Foundation

extension TopicModel {
    /// The shipped default topic model (`Models/default-topics.dsmodel`, built into the
    /// library); `DOCSIFT_MODEL` names another file.
    /// - Throws: ``DefaultResourceError`` when `DOCSIFT_MODEL` names a missing file;
    ///   `ModelFileError` when the file is unreadable or corrupt.
    public static func loadDefault() throws -> TopicModel {
        let location = DefaultModelLocation.topicModel
        switch try location.source() {
        case .file(let url): return try TopicModel.load(from: url)
        case .embedded: return try ModelFile.decode(location.embeddedBytes, path: location.embeddedDescription)
        }
    }
}

extension BackgroundIDF {
    /// The shipped news IDF statistics (`Models/news-idf.bin`, built into the library);
    /// `DOCSIFT_IDF` names another file.
    /// - Throws: ``DefaultResourceError`` when `DOCSIFT_IDF` names a missing file;
    ///   `BackgroundIDFError` when the file is unreadable or corrupt.
    public static func loadDefault() throws -> BackgroundIDF {
        let location = DefaultModelLocation.newsIDF
        switch try location.source() {
        case .file(let url): return try BackgroundIDF(contentsOf: url)
        case .embedded:
            do {
                return try BackgroundIDF(serialized: location.embeddedBytes)
            } catch {
                throw BackgroundIDFError.invalidFile(path: location.embeddedDescription, problem: error.description)
            }
        }
    }
}

extension TopicProfiles {
    /// The shipped topic profiles (`Models/profiles.json`, built into the library);
    /// `DOCSIFT_PROFILES` names another file.
    /// - Throws: ``DefaultResourceError`` when `DOCSIFT_PROFILES` names a missing file;
    ///   `ClassifierError` when the file is unreadable or malformed.
    public static func loadDefault() throws -> TopicProfiles {
        let location = DefaultModelLocation.profiles
        switch try location.source() {
        case .file(let url): return try TopicProfiles.load(from: url)
        case .embedded:
            let path = location.embeddedDescription
            let profiles: TopicProfiles
            do { profiles = try JSONDecoder().decode(TopicProfiles.self, from: Data(location.embeddedBytes)) } catch {
                throw ClassifierError.malformed(path: path, reason: "not a topic profile file: \(error)")
            }
            try profiles.validate(path: path)
            return profiles
        }
    }
}
