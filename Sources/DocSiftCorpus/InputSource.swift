import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where documents come from: the shared input layer of every `docsift` verb.
///
/// - a `.jsonl` file: one `{"id","text"[,"title"]}` object per line;
/// - a seed manifest (`articles.json`): its articles (id, title, text, label), as `train`
///   and `eval` read it;
/// - any other regular file: one document whose id is its path (encoding detected);
/// - a pipe, FIFO or device (`/dev/stdin`, `<(…)`): JSONL, read as a stream;
/// - a directory: every file below it, recursively, in sorted path order (symbolic links
///   are followed; a directory reached twice is read once);
/// - `-` or no paths at all: JSONL on standard input.
///
/// A path that cannot be read (missing, a symbolic-link loop) gives one failed record and
/// the other paths are still read. No record costs more than ``maximumRecordBytes``: a
/// longer line or file gives a failed record, and reading goes on after it.
public struct InputSource: Sendable {
    /// The paths as given (`-` = standard input).
    public let paths: [String]
    /// The largest JSONL line or text file read as one record.
    public let maximumRecordBytes: Int
    /// Standard input was closed by the caller: reading it is an error, not empty input.
    public let standardInputIsClosed: Bool
    /// The JSONL fields holding id, text, title and label.
    public let fields: RecordFieldNames

    /// Reads from `paths`, or from standard input when `paths` is empty.
    public init(paths: [String], maximumRecordBytes: Int = InputLimits.defaultMaximumRecordBytes,
                standardInputIsClosed: Bool = false, fields: RecordFieldNames = .standard) {
        self.paths = paths.isEmpty ? ["-"] : paths
        self.maximumRecordBytes = max(1, maximumRecordBytes)
        self.standardInputIsClosed = standardInputIsClosed
        self.fields = fields
    }

    /// Calls `body` with every record, in input order: one call per input record, a
    /// failure for a record that cannot be read. `body` returns `false` to stop early.
    /// - Throws: ``CorpusError`` when standard input is closed, a directory or fails to read.
    public func forEachRecord(_ body: (Result<InputRecord, InputRecordError>) throws -> Bool) throws {
        try forEachPendingRecord { try body($0.resolve(fields: fields)) }
    }

    /// ``forEachRecord(_:)`` without parsing JSONL lines: each comes as a
    /// ``PendingRecord`` to resolve later, e.g. on another thread.
    /// - Parameters:
    ///   - onStall: called when a pipe has no input ready and reading is about to wait.
    ///   - body: called with each record in input order; returns `false` to stop early.
    public func forEachPendingRecord(onStall: (() throws -> Void)? = nil,
                                     _ body: (PendingRecord) throws -> Bool) throws {
        for path in paths {
            if path == "-" {
                guard try readStandardInput(onStall: onStall, body) else { return }
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                let failure = InputRecordError(id: path, reason: CorpusError.systemReason(errno), isWholeInput: true)
                guard try body(.ready(.failure(failure))) else { return }
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                for entry in InputSource.walk(path) {
                    switch entry {
                    case .success(let file): guard try readFile(file, body) else { return }
                    case .failure(let failure): guard try body(.ready(.failure(failure))) else { return }
                    }
                }
            case S_IFREG where !InputSource.isStreamPath(path):
                guard try readFile(path, body) else { return }
            default:
                guard try readStream(path, onStall: onStall, body) else { return }
            }
        }
    }

    /// Every record, read eagerly (for training and evaluation data that fits in memory).
    public func allRecords() throws -> [Result<InputRecord, InputRecordError>] {
        var records: [Result<InputRecord, InputRecordError>] = []
        try forEachRecord { records.append($0); return true }
        return records
    }

    /// The readable files below `directory`, sorted by path; hidden files are skipped.
    public static func files(under directory: String) throws -> [String] {
        walk(directory).compactMap { try? $0.get() }
    }

    /// `/dev/stdin`, `/dev/fd/N`, `/proc/self/fd/N`: names of a stream even when they
    /// lead to a regular file.
    static func isStreamPath(_ path: String) -> Bool {
        path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
    }

    /// The files below `directory` in sorted path order, and a failure for each entry that
    /// cannot be read (a broken link, a link loop, an unreadable folder).
    static func walk(_ directory: String) -> [Result<String, InputRecordError>] {
        var entries: [Result<String, InputRecordError>] = []
        var visited = Set<[UInt64]>()
        var folders = [directory]
        while let folder = folders.popLast() {
            var status = stat()
            guard stat(folder, &status) == 0 else {
                entries.append(.failure(InputRecordError(id: folder, reason: CorpusError.systemReason(errno))))
                continue
            }
            guard visited.insert([UInt64(status.st_dev), UInt64(status.st_ino)]).inserted else { continue }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
                entries.append(.failure(InputRecordError(id: folder, reason: "cannot list directory")))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let full = (folder as NSString).appendingPathComponent(name)
                var target = stat()
                guard stat(full, &target) == 0 else {
                    entries.append(.failure(InputRecordError(id: full, reason: CorpusError.systemReason(errno))))
                    continue
                }
                switch target.st_mode & S_IFMT {
                case S_IFDIR: folders.append(full)
                case S_IFREG: entries.append(.success(full))
                default:
                    // A FIFO with no writer would block the walk for ever; a device may be endless.
                    entries.append(.failure(InputRecordError(
                        id: full, reason: "not a regular file (a FIFO, socket or device in a directory is not read; give its path to read it as a stream)")))
                }
            }
        }
        func key(_ entry: Result<String, InputRecordError>) -> String {
            switch entry {
            case .success(let path): return path
            case .failure(let failure): return failure.id
            }
        }
        return entries.sorted { key($0) < key($1) }
    }

    private func readStandardInput(onStall: (() throws -> Void)?, _ body: (PendingRecord) throws -> Bool) throws -> Bool {
        if standardInputIsClosed {
            throw CorpusError.unreadable(path: "standard input", reason: "it is closed; pipe JSONL in or give input files")
        }
        var status = stat()
        if fstat(STDIN_FILENO, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw CorpusError.unreadable(path: "standard input", reason: "it is a directory; give the directory as an argument instead")
        }
        let reader = LineReader(descriptor: STDIN_FILENO, name: "standard input", closesDescriptor: false,
                                maximumLineBytes: maximumRecordBytes)
        reader.onStall = onStall
        return try readJSONL(reader, name: "stdin", body)
    }

    private func readStream(_ path: String, onStall: (() throws -> Void)?, _ body: (PendingRecord) throws -> Bool) throws -> Bool {
        let reader: LineReader
        do { reader = try LineReader(path: path, maximumLineBytes: maximumRecordBytes) } catch let error as CorpusError {
            guard case .unreadable(_, let reason) = error else { throw error }
            return try body(.ready(.failure(InputRecordError(id: path, reason: reason, isWholeInput: true))))
        }
        reader.onStall = onStall
        return try readJSONL(reader, name: path, body)
    }

    private func readFile(_ path: String, _ body: (PendingRecord) throws -> Bool) throws -> Bool {
        if path.hasSuffix(".jsonl") { return try readStream(path, onStall: nil, body) }
        if path.hasSuffix(".json"), SeedCorpus.isManifest(URL(fileURLWithPath: path)) { return try readManifest(path, body) }
        let bytes: [UInt8]
        switch FileBytes.read(path, limit: maximumRecordBytes) {
        case .success(let read): bytes = read
        case .failure(let failure): return try body(.ready(.failure(failure)))
        }
        guard let decoded = TextDecoding.decode(bytes) else {
            return try body(.ready(.failure(InputRecordError(id: path, reason: "binary or undecodable file"))))
        }
        return try body(.ready(.success(InputRecord(id: path, text: decoded.text))))
    }

    private func readManifest(_ path: String, _ body: (PendingRecord) throws -> Bool) throws -> Bool {
        let corpus: SeedCorpus
        do { corpus = try SeedCorpus(manifestURL: URL(fileURLWithPath: path)) } catch let error as CorpusError {
            return try body(.ready(.failure(InputRecordError(id: path, reason: error.description))))
        }
        for article in corpus.articles {
            let record = InputRecord(id: article.id, text: article.text, title: article.title, label: article.label,
                                     fields: ["page": article.page])
            guard try body(.ready(.success(record))) else { return false }
        }
        return true
    }

    private func readJSONL(_ reader: LineReader, name: String,
                           _ body: (PendingRecord) throws -> Bool) throws -> Bool {
        var lineNumber = 0
        while let line = try reader.next() {
            lineNumber += 1
            switch line {
            case .text(var bytes):
                // A UTF-8 byte-order mark before the first record (Windows editors write one).
                if lineNumber == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                guard try body(.jsonLine(bytes, source: name, line: lineNumber)) else { return false }
            case .oversized(let count):
                let failure = InputRecordError(id: "\(name):\(lineNumber)",
                                               reason: InputLimits.oversizedReason(count, limit: maximumRecordBytes))
                guard try body(.ready(.failure(failure))) else { return false }
            }
        }
        return true
    }
}
