import Foundation
internal import CDocSiftModels

/// The shipped default files — topic model, background IDF statistics, topic profiles — and
/// where a program gets them from.
///
/// The files of `Models/` are compiled into the library byte for byte, so every program that
/// depends on DocSift has them wherever its executable is copied. An environment variable
/// (``environmentVariable``) names another file instead: when it is set and not empty, it
/// wins, and a file it names that does not exist is an error
/// (``DefaultResourceError/overrideMissing(variable:path:)``), never a silent fallback.
public enum DefaultModelLocation: String, CaseIterable, Sendable {
    /// `Models/default-topics.dsmodel`, overridden by `DOCSIFT_MODEL`.
    case topicModel
    /// `Models/news-idf.bin`, overridden by `DOCSIFT_IDF`.
    case newsIDF
    /// `Models/profiles.json`, overridden by `DOCSIFT_PROFILES`.
    case profiles

    /// File name of the default topic model in `Models/`.
    public static let topicModelFileName = "default-topics.dsmodel"
    /// File name of the background IDF statistics used by the summarizer in `Models/`.
    public static let newsIDFFileName = "news-idf.bin"
    /// File name of the written topic profiles in `Models/`.
    public static let profilesFileName = "profiles.json"

    /// The file's name in `Models/`.
    public var fileName: String {
        switch self {
        case .topicModel: DefaultModelLocation.topicModelFileName
        case .newsIDF: DefaultModelLocation.newsIDFFileName
        case .profiles: DefaultModelLocation.profilesFileName
        }
    }

    /// The environment variable that names another file.
    public var environmentVariable: String {
        switch self {
        case .topicModel: "DOCSIFT_MODEL"
        case .newsIDF: "DOCSIFT_IDF"
        case .profiles: "DOCSIFT_PROFILES"
        }
    }

    /// Where the bytes of a default file come from.
    public enum Source: Equatable, Sendable {
        /// The copy compiled into the library.
        case embedded
        /// A file named by the environment variable.
        case file(URL)
    }

    /// The source in effect: the file named by ``environmentVariable`` when it is set and not
    /// empty, else the embedded copy.
    /// - Parameter environment: the variables to read (the process environment by default).
    /// - Throws: ``DefaultResourceError/overrideMissing(variable:path:)`` when the variable
    ///   names a path where nothing exists.
    public func source(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Source {
        guard let path = environment[environmentVariable], !path.isEmpty else { return .embedded }
        guard FileManager.default.fileExists(atPath: path) else {
            throw DefaultResourceError.overrideMissing(variable: environmentVariable, path: path)
        }
        return .file(URL(fileURLWithPath: path))
    }

    /// The embedded copy of the file: the same bytes as `Models/` held when the library was built.
    public var embeddedBytes: [UInt8] {
        let file: docsift_embedded_file = switch self {
        case .topicModel: DOCSIFT_EMBEDDED_TOPIC_MODEL
        case .newsIDF: DOCSIFT_EMBEDDED_NEWS_IDF
        case .profiles: DOCSIFT_EMBEDDED_PROFILES
        }
        var count = 0
        guard let start = docsift_embedded_bytes(file, &count), count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// A name for the embedded copy in messages, e.g. `default-topics.dsmodel (built into DocSift)`.
    var embeddedDescription: String { "\(fileName) (built into DocSift)" }
}

/// A default file could not be used.
public enum DefaultResourceError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The override variable names a path where no file exists.
    case overrideMissing(variable: String, path: String)

    /// One line: the variable, the path, and what to do.
    public var description: String {
        switch self {
        case .overrideMissing(let variable, let path):
            "\(variable)=\(path): no such file; set \(variable) to an existing file, or unset it to use the copy built into DocSift"
        }
    }

    /// The same line as ``description``.
    public var errorDescription: String? { description }
}
