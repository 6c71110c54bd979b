import Foundation

/// Where the shipped default model and background statistics are found, wherever the
/// `docsift` binary or a linking service runs from.
///
/// Search order for a file named `name`:
/// 1. the environment variable given (e.g. `DOCSIFT_MODEL`) when set;
/// 2. beside the running executable, then in `../share/docsift/` relative to it (an install);
/// 3. `Models/` of the source checkout this library was built from.
public enum DefaultModelLocation {
    /// File name of the default topic model in `Models/`.
    public static let topicModelFileName = "default-topics.dsmodel"
    /// File name of the background IDF statistics used by the summarizer in `Models/`.
    public static let newsIDFFileName = "news-idf.bin"
    /// File name of the written topic profiles in `Models/`.
    public static let profilesFileName = "profiles.json"

    /// The checkout's `Models/` folder.
    public static var sourceModelsDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DocSift
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Models")
    }

    /// The candidate locations for `name`, in search order.
    public static func candidates(for name: String, environmentVariable: String?) -> [URL] {
        var urls: [URL] = []
        if let variable = environmentVariable, let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty {
            urls.append(URL(fileURLWithPath: value))
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        urls.append(executable.appendingPathComponent(name))
        urls.append(executable.deletingLastPathComponent().appendingPathComponent("share/docsift").appendingPathComponent(name))
        urls.append(sourceModelsDirectory.appendingPathComponent(name))
        return urls
    }

    /// The first existing location of `name`, or `nil`.
    public static func find(_ name: String, environmentVariable: String?) -> URL? {
        candidates(for: name, environmentVariable: environmentVariable)
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
