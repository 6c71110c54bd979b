import Foundation

/// Reads JSON Lines files (one JSON object per line, blank lines skipped).
enum JSONLines {
    /// The objects of the file at `url`, in order.
    static func objects(at url: URL) throws -> [[String: Any]] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SummarizerDataError.io(path: url.path, reason: error.localizedDescription)
        }
        var objects: [[String: Any]] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw SummarizerDataError.badRecord(line: lineNumber, reason: "not a JSON object")
            }
            objects.append(object)
        }
        return objects
    }

    /// The string field `field` of every object of the file.
    static func texts(at url: URL, field: String) throws -> [String] {
        var texts: [String] = []
        for (offset, object) in try objects(at: url).enumerated() {
            guard let text = object[field] as? String else {
                throw SummarizerDataError.badRecord(line: offset + 1, reason: "no string field \"\(field)\"")
            }
            texts.append(text)
        }
        return texts
    }
}
