import Foundation

extension BackgroundIDF {
    /// The shipped news IDF statistics (`Models/news-idf.bin`), found like the default model;
    /// `DOCSIFT_IDF` names another file.
    /// - Throws: ``BackgroundIDFError`` when no file is found or it is corrupt.
    public static func loadDefault() throws -> BackgroundIDF {
        guard let url = DefaultModelLocation.find(DefaultModelLocation.newsIDFFileName, environmentVariable: "DOCSIFT_IDF") else {
            throw BackgroundIDFError.unreadable(path: DefaultModelLocation.newsIDFFileName, reason: "not found beside the binary or in Models/")
        }
        return try BackgroundIDF(contentsOf: url)
    }
}

extension TopicModel {
    /// The shipped default topic model (`Models/default-topics.dsmodel`), found beside the
    /// binary, in an install's `share/docsift`, or in the source checkout; `DOCSIFT_MODEL`
    /// names another file.
    /// - Throws: ``ModelFileError`` when no file is found or it is corrupt.
    public static func loadDefault() throws -> TopicModel {
        guard let url = DefaultModelLocation.find(DefaultModelLocation.topicModelFileName, environmentVariable: "DOCSIFT_MODEL") else {
            throw ModelFileError.unreadable(
                path: DefaultModelLocation.topicModelFileName, reason: "not found beside the binary or in Models/ (set DOCSIFT_MODEL)")
        }
        return try TopicModel.load(from: url)
    }
}

extension TopicProfiles {
    /// The shipped topic profiles (`Models/profiles.json`), found like the default model.
    public static func loadDefault() throws -> TopicProfiles {
        guard let url = DefaultModelLocation.find(DefaultModelLocation.profilesFileName, environmentVariable: "DOCSIFT_PROFILES") else {
            throw ClassifierError.unreadable(path: DefaultModelLocation.profilesFileName, reason: "not found beside the binary or in Models/")
        }
        return try TopicProfiles.load(from: url)
    }
}
