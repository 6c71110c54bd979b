import DocSiftCorpus
import Foundation
import DocSiftFeatures

/// Document frequencies of character n-grams in an outside news corpus: the IDF the
/// summarizer and keyword extractor weight n-grams with.
///
/// Stored as sorted keys with their document frequencies; the binary form
/// (``serialized()``) is compact (delta/varint coded), deterministic and checksummed.
public struct BackgroundIDF: Sendable, Equatable {
    /// The n-gram options the statistics were counted with.
    public let options: NGramOptions
    /// Number of documents counted.
    public let documentCount: Int
    /// The n-gram keys, strictly ascending.
    public let keys: [UInt64]
    /// Document frequency of each key.
    public let documentFrequencies: [UInt32]
    private let table: KeyTable
    /// The IDF of an n-gram the table does not list (pruned or unseen: df taken as 1).
    public let unseenIDF: Float

    /// A table over given statistics (keys need not be sorted; duplicates keep the larger df).
    public init(options: NGramOptions, documentCount: Int, frequencies: [(key: UInt64, df: UInt32)]) {
        let sorted = frequencies.filter { $0.key != 0 }.sorted { $0.key != $1.key ? $0.key < $1.key : $0.df > $1.df }
        var keys: [UInt64] = []
        var dfs: [UInt32] = []
        keys.reserveCapacity(sorted.count)
        dfs.reserveCapacity(sorted.count)
        for entry in sorted where keys.last != entry.key {
            keys.append(entry.key)
            dfs.append(entry.df)
        }
        self.init(options: options, documentCount: documentCount, sortedKeys: keys, frequencies: dfs)
    }

    private init(options: NGramOptions, documentCount: Int, sortedKeys: [UInt64], frequencies: [UInt32]) {
        self.options = options
        self.documentCount = max(0, documentCount)
        self.keys = sortedKeys
        self.documentFrequencies = frequencies
        // Document frequencies repeat: one logarithm per distinct value, not per key.
        let documentCount = self.documentCount
        var highest = 0
        for df in frequencies { highest = max(highest, Int(df)) }
        let byFrequency = (0...min(highest, 1 << 16)).map {
            DocumentFrequencies.smoothIDF(documentFrequency: $0, documentCount: documentCount)
        }
        var table = KeyTable(expectedCount: sortedKeys.count)  // room for every key: never full
        sortedKeys.withUnsafeBufferPointer { keys in
            frequencies.withUnsafeBufferPointer { frequencies in
                table.withInserter { inserter in
                    for i in 0..<keys.count {
                        let df = Int(frequencies[i])
                        let idf = df < byFrequency.count
                            ? byFrequency[df] : DocumentFrequencies.smoothIDF(documentFrequency: df, documentCount: documentCount)
                        _ = inserter.valueInserting(keys[i], next: Int32(i), weight: idf)
                    }
                }
            }
        }
        self.table = table
        self.unseenIDF = DocumentFrequencies.smoothIDF(documentFrequency: 1, documentCount: self.documentCount)
    }

    /// Counts `texts` (each distinct n-gram once per text) and keeps n-grams found in at
    /// least `minimumDocumentFrequency` of them.
    public static func build<S: Sequence>(
        texts: S, options: NGramOptions = NGramOptions(), minimumDocumentFrequency: Int = 2
    ) -> BackgroundIDF where S.Element == String {
        let extractor = NGramExtractor(options: options)
        var table = KeyTable(expectedCount: 1 << 16)
        var counts: [UInt32] = []
        var lastSeen: [Int32] = []
        var documents: Int32 = 0
        for text in texts {
            let doc = documents
            extractor.forEachKey(in: text) { key in
                let slot = Int(table.valueInserting(key, next: Int32(counts.count)))
                guard slot >= 0 else { return }
                if slot == counts.count {
                    counts.append(1)
                    lastSeen.append(doc)
                } else if lastSeen[slot] != doc {
                    counts[slot] += 1
                    lastSeen[slot] = doc
                }
            }
            documents += 1
        }
        var frequencies: [(key: UInt64, df: UInt32)] = []
        let minimum = UInt32(max(1, minimumDocumentFrequency))
        for entry in table.entries where entry.key != 0 && counts[Int(entry.value)] >= minimum {
            frequencies.append((entry.key, counts[Int(entry.value)]))
        }
        return BackgroundIDF(options: options, documentCount: Int(documents), frequencies: frequencies)
    }

    /// Builds the table from a JSONL file whose lines are objects with a `text` field
    /// (other fields are ignored; blank lines are skipped).
    /// - Throws: ``SummarizerDataError`` when the file is unreadable or a line is not such an object.
    public static func build(
        jsonlAt url: URL, options: NGramOptions = NGramOptions(), minimumDocumentFrequency: Int = 2
    ) throws -> BackgroundIDF {
        var texts: [String] = []
        do {
            try InputSource(paths: [url.path]).forEachRecord { result in
                switch result {
                case .success(let record): texts.append(record.text)
                case .failure(let error): throw SummarizerDataError.badRecord(id: error.id, reason: error.reason)
                }
                return true
            }
        } catch let error as CorpusError {
            throw SummarizerDataError.io(path: url.path, reason: error.description)
        }
        return build(texts: texts, options: options, minimumDocumentFrequency: minimumDocumentFrequency)
    }

    /// `Models/news-idf.bin` of this source checkout (built from the cnews corpus), for
    /// tools and tests run from a clone.
    public static var bundledNewsURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DocSiftSummarizer
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Models/news-idf.bin")
    }

    /// Rebuilds the artifact: counts the `text` of every JSONL record at `jsonl` (1–3-grams,
    /// digits folded, df ≥ 2) and writes the binary form to `output`.
    /// - Throws: ``SummarizerDataError``.
    @discardableResult
    public static func rebuild(from jsonl: URL, to output: URL, minimumDocumentFrequency: Int = 2) throws -> BackgroundIDF {
        let idf = try build(jsonlAt: jsonl, minimumDocumentFrequency: minimumDocumentFrequency)
        try idf.write(to: output)
        return idf
    }

    /// Number of n-grams listed.
    public var count: Int { keys.count }

    /// The smoothed IDF of `key` (``unseenIDF`` when it is not listed).
    @inline(__always)
    public func idf(of key: UInt64) -> Float {
        table.entry(for: key)?.weight ?? unseenIDF
    }

    /// The IDF of each of `keys` into `idf` (as ``idf(of:)``, with the table loads of
    /// consecutive keys overlapped).
    func idf(of keys: UnsafeBufferPointer<UInt64>, into idf: UnsafeMutableBufferPointer<Float>) {
        table.weights(of: keys, into: idf, missing: unseenIDF)
    }

    /// The document frequency of `key` (0 when not listed).
    public func documentFrequency(of key: UInt64) -> Int {
        let slot = table.value(for: key)
        return slot >= 0 ? Int(documentFrequencies[Int(slot)]) : 0
    }

    /// Equal when options, document count and every key with its frequency match.
    public static func == (lhs: BackgroundIDF, rhs: BackgroundIDF) -> Bool {
        lhs.options == rhs.options && lhs.documentCount == rhs.documentCount
            && lhs.keys == rhs.keys && lhs.documentFrequencies == rhs.documentFrequencies
    }

    // MARK: - Binary form

    /// The magic bytes that open an IDF file: `DSIDF` then 0x1A, 0x0A, 0x00.
    public static let magic: [UInt8] = [0x44, 0x53, 0x49, 0x44, 0x46, 0x1A, 0x0A, 0x00]
    /// The format version this code writes and reads.
    public static let formatVersion: UInt32 = 1
    static let headerSize = 8 + 4 + 4 + 8 + 8 + 8 + 8

    /// The binary form: magic, version, n-gram options, document count, key count,
    /// payload length, FNV-1a-64 payload checksum, then keys as varint deltas and
    /// document frequencies as varints. Same table → same bytes.
    public func serialized() -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(keys.count * 5)
        var previous: UInt64 = 0
        for key in keys {
            BinaryCoding.appendVarint(key &- previous, to: &payload)
            previous = key
        }
        for df in documentFrequencies { BinaryCoding.appendVarint(UInt64(df), to: &payload) }
        var bytes = BackgroundIDF.magic
        BinaryCoding.append(BackgroundIDF.formatVersion, to: &bytes)
        bytes.append(UInt8(clamping: options.minLength))
        bytes.append(UInt8(clamping: options.maxLength))
        bytes.append(options.foldsDigits ? 1 : 0)
        bytes.append(0)
        BinaryCoding.append(UInt64(documentCount), to: &bytes)
        BinaryCoding.append(UInt64(keys.count), to: &bytes)
        BinaryCoding.append(UInt64(payload.count), to: &bytes)
        BinaryCoding.append(FNV1a64.hash(payload), to: &bytes)
        bytes += payload
        return bytes
    }

    /// Reads the binary form.
    /// - Throws: ``SummarizerDataError`` on bad magic, unknown version, truncation,
    ///   checksum mismatch or inconsistent contents.
    public init(serialized bytes: [UInt8]) throws {
        guard bytes.count >= BackgroundIDF.magic.count else { throw SummarizerDataError.truncated }
        guard Array(bytes[0..<8]) == BackgroundIDF.magic else { throw SummarizerDataError.notAnIDFFile }
        guard bytes.count >= BackgroundIDF.headerSize else { throw SummarizerDataError.truncated }
        var reader = BinaryCoding.Reader(bytes: bytes, position: 8)
        let version = try reader.uint32()
        guard version == BackgroundIDF.formatVersion else { throw SummarizerDataError.unsupportedVersion(version) }
        let minLength = Int(try reader.byte()), maxLength = Int(try reader.byte())
        let folds = try reader.byte()
        _ = try reader.byte()
        guard minLength >= 1, maxLength >= minLength, maxLength <= 16, folds <= 1 else {
            throw SummarizerDataError.malformed("n-gram options \(minLength)–\(maxLength)")
        }
        let documentCount = try reader.uint64()
        let keyCount = try reader.uint64()
        let payloadLength = try reader.uint64()
        let checksum = try reader.uint64()
        guard payloadLength == UInt64(bytes.count - BackgroundIDF.headerSize) else {
            throw payloadLength > UInt64(bytes.count - BackgroundIDF.headerSize)
                ? SummarizerDataError.truncated : SummarizerDataError.malformed("trailing bytes")
        }
        guard FNV1a64.hash(bytes[BackgroundIDF.headerSize...]) == checksum else {
            throw SummarizerDataError.checksumMismatch
        }
        guard documentCount <= UInt64(Int32.max), keyCount <= payloadLength / 2 else {
            throw SummarizerDataError.malformed("counts out of range")
        }
        // Keys (ascending, as deltas) then frequencies, as varints, read in one pass.
        let count = Int(keyCount)
        let (keys, dfs, end) = try bytes.withUnsafeBufferPointer { bytes -> ([UInt64], [UInt32], Int) in
            var keys = [UInt64](repeating: 0, count: count)
            var dfs = [UInt32](repeating: 0, count: count)
            var position = reader.position
            var previous: UInt64 = 0
            for index in 0..<(2 * count) {
                var v: UInt64 = 0
                var shift: UInt64 = 0
                while true {
                    guard position < bytes.count else { throw SummarizerDataError.truncated }
                    let b = bytes[position]
                    position += 1
                    guard shift < 64, !(shift == 63 && b > 1) else { throw SummarizerDataError.malformed("varint overflow") }
                    v |= UInt64(b & 0x7F) << shift
                    if b & 0x80 == 0 { break }
                    shift += 7
                }
                if index < count {
                    guard index == 0 || v > 0 else { throw SummarizerDataError.malformed("keys not ascending") }
                    let (sum, overflow) = previous.addingReportingOverflow(v)
                    guard !overflow, sum != 0 else { throw SummarizerDataError.malformed("key out of range") }
                    keys[index] = sum
                    previous = sum
                } else {
                    guard v >= 1, v <= documentCount else { throw SummarizerDataError.malformed("document frequency \(v)") }
                    dfs[index - count] = UInt32(v)
                }
            }
            return (keys, dfs, position)
        }
        reader.position = end
        guard reader.position == bytes.count else { throw SummarizerDataError.malformed("trailing bytes") }
        self.init(options: NGramOptions(minLength: minLength, maxLength: maxLength, foldsDigits: folds == 1),
                  documentCount: Int(documentCount), sortedKeys: keys, frequencies: dfs)
    }

    /// Reads an IDF file.
    /// - Throws: ``SummarizerDataError/io(path:reason:)`` when it cannot be read, or
    ///   ``SummarizerDataError/invalidFile(path:problem:)`` naming the file when its content
    ///   is truncated, corrupt or of another version.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SummarizerDataError.io(path: url.path, reason: error.localizedDescription)
        }
        do {
            try self.init(serialized: [UInt8](data))
        } catch let problem as SummarizerDataError {
            throw SummarizerDataError.invalidFile(path: url.path, problem: problem.description)
        }
    }

    /// Writes the binary form to `url` (atomically).
    /// - Throws: ``SummarizerDataError/io(path:reason:)``.
    public func write(to url: URL) throws {
        do { try Data(serialized()).write(to: url, options: .atomic) } catch {
            throw SummarizerDataError.io(path: url.path, reason: error.localizedDescription)
        }
    }
}
