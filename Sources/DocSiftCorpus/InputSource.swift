import Foundation

/// Where documents come from: the shared input layer of every `docsift` verb.
///
/// - a `.jsonl` file: one `{"id","text"[,"title"]}` object per line;
/// - any other file: one document whose id is its path (encoding detected);
/// - a directory: every file below it, recursively, in sorted path order;
/// - `-` or no paths at all: JSONL on standard input.
public struct InputSource: Sendable {
    /// The paths as given (`-` = standard input).
    public let paths: [String]

    /// Reads from `paths`, or from standard input when `paths` is empty.
    public init(paths: [String]) {
        self.paths = paths.isEmpty ? ["-"] : paths
    }

    /// Calls `body` with every record, in input order: one call per input record, a
    /// failure for a record that cannot be read. `body` returns `false` to stop early.
    /// - Throws: ``CorpusError`` when a path does not exist or a directory cannot be listed.
    public func forEachRecord(_ body: (Result<InputRecord, InputRecordError>) throws -> Bool) throws {
        try forEachPendingRecord { try body($0.resolve()) }
    }

    /// ``forEachRecord(_:)`` without parsing JSONL lines: each comes as a
    /// ``PendingRecord`` to resolve later, e.g. on another thread.
    public func forEachPendingRecord(_ body: (PendingRecord) throws -> Bool) throws {
        for path in paths {
            if path == "-" {
                let reader = LineReader(handle: FileHandle.standardInput, closesHandle: false)
                guard try readJSONL(reader, name: "stdin", body) else { return }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CorpusError.unreadable(path: path, reason: "no such file or directory")
            }
            let files = isDirectory.boolValue ? try InputSource.files(under: path) : [path]
            for file in files {
                guard try readFile(file, body) else { return }
            }
        }
    }

    /// Every record, read eagerly (for training and evaluation data that fits in memory).
    public func allRecords() throws -> [Result<InputRecord, InputRecordError>] {
        var records: [Result<InputRecord, InputRecordError>] = []
        try forEachRecord { records.append($0); return true }
        return records
    }

    /// The regular files below `directory`, sorted by path; hidden files are skipped.
    public static func files(under directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw CorpusError.unreadable(path: directory, reason: "cannot list directory")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }

    private func readFile(_ path: String, _ body: (PendingRecord) throws -> Bool) throws -> Bool {
        if path.hasSuffix(".jsonl") {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch {
                return try body(.ready(.failure(InputRecordError(id: path, reason: "cannot open"))))
            }
            return try readJSONL(reader, name: path, body)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return try body(.ready(.failure(InputRecordError(id: path, reason: "cannot read"))))
        }
        guard let decoded = TextDecoding.decode([UInt8](data)) else {
            return try body(.ready(.failure(InputRecordError(id: path, reason: "binary or undecodable file"))))
        }
        return try body(.ready(.success(InputRecord(id: path, text: decoded.text))))
    }

    private func readJSONL(_ reader: LineReader, name: String,
                           _ body: (PendingRecord) throws -> Bool) throws -> Bool {
        var lineNumber = 0
        while let line = reader.nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard try body(.jsonLine(line, source: name, line: lineNumber)) else { return false }
        }
        return true
    }
}
