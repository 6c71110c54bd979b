import Foundation

extension BackgroundIDF {
    /// The shipped news IDF statistics (`Models/news-idf.bin`), found like the default model;
    /// `DOCSIFT_IDF` names another file.
    /// - Throws: ``SummarizerDataError`` when no file is found or it is corrupt.
    public static func loadDefault() throws -> BackgroundIDF {
        guard let url = DefaultModelLocation.find(DefaultModelLocation.newsIDFFileName, environmentVariable: "DOCSIFT_IDF") else {
            throw SummarizerDataError.io(path: DefaultModelLocation.newsIDFFileName, reason: "not found beside the binary or in Models/")
        }
        return try BackgroundIDF(contentsOf: url)
    }
}
