/// Document frequencies of character n-grams in an outside news corpus: the IDF the
/// summarizer and keyword extractor weight n-grams with.
///
/// Stored as sorted keys with their document frequencies; the binary form
/// (``serialized()``, read back by ``init(serialized:)``: bytes in, bytes out; files are
/// read and written by the `DocSift` module) is compact (delta/varint coded), deterministic and checksummed
/// over the whole file (see ``formatVersion``).
public struct BackgroundIDF: Sendable, Equatable {
    /// The n-gram options the statistics were counted with.
    public let options: NGramOptions
    /// Number of documents counted.
    public let documentCount: Int
    /// The n-gram keys, strictly ascending.
    public let keys: [UInt64]
    /// Document frequency of each key.
    public let documentFrequencies: [UInt32]
    /// Each key's position in ``keys``, with its IDF as the weight; built on the first
    /// lookup (8 MiB for the shipped statistics, which a run may never need).
    private let table: BuiltOnFirstUse<KeyIndexTable>
    /// The IDF of an n-gram the table does not list (pruned or unseen: df taken as 1).
    public let unseenIDF: Float

    /// A table over given statistics (keys need not be sorted; duplicates keep the larger df).
    /// - Throws: ``BackgroundIDFError/invalidStatistics(_:)`` when `documentCount` is negative
    ///   or a document frequency exceeds it (an IDF from such counts would be NaN or negative).
    public init(options: NGramOptions, documentCount: Int, frequencies: [(key: UInt64, df: UInt32)]) throws(BackgroundIDFError) {
        guard documentCount >= 0 else {
            throw .invalidStatistics("document count \(documentCount) is negative; count documents from 0")
        }
        if let entry = frequencies.first(where: { Int($0.df) > documentCount }) {
            throw .invalidStatistics("document frequency \(entry.df) of key \(entry.key) exceeds the document count \(documentCount)")
        }
        self.init(options: options, documentCount: documentCount, unsorted: frequencies)
    }

    /// A table over counts already known to be valid (see the throwing initializer).
    private init(options: NGramOptions, documentCount: Int, unsorted frequencies: [(key: UInt64, df: UInt32)]) {
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
        self.documentCount = documentCount  // checked by every caller: 0...Int32.max
        self.keys = sortedKeys
        self.documentFrequencies = frequencies
        let documentCount = self.documentCount
        self.table = BuiltOnFirstUse {
            // Document frequencies repeat: one logarithm per distinct value, not per key.
            let highest = Int(frequencies.max() ?? 0)
            let byFrequency = (0...min(highest, 1 << 16)).map {
                DocumentFrequencies.smoothIDF(documentFrequency: $0, documentCount: documentCount)
            }
            // Keys are distinct (strictly ascending): each goes straight into an empty slot of a
            // table sized for all of them, with its position as index and its IDF as weight.
            let weights = [Float](unsafeUninitializedCapacity: frequencies.count) { weights, initialized in
                for df in frequencies {
                    let df = Int(df)
                    weights.initializeElement(at: initialized, to: df < byFrequency.count
                        ? byFrequency[df] : DocumentFrequencies.smoothIDF(documentFrequency: df, documentCount: documentCount))
                    initialized &+= 1
                }
            }
            return KeyIndexTable(distinctKeys: sortedKeys, weights: weights)
        }
        self.unseenIDF = DocumentFrequencies.smoothIDF(documentFrequency: 1, documentCount: self.documentCount)
    }

    /// Counts `texts` (each distinct n-gram once per text, see ``DocumentFrequencies``) and
    /// keeps n-grams found in at least `minimumDocumentFrequency` of them.
    public static func build<S: Sequence>(
        texts: S, options: NGramOptions = NGramOptions(), minimumDocumentFrequency: Int = 2
    ) -> BackgroundIDF where S.Element == String {
        var counted = DocumentFrequencies(options: options)
        counted.add(contentsOf: texts)
        return BackgroundIDF(counted, minimumDocumentFrequency: minimumDocumentFrequency)
    }

    /// The n-grams of counted documents found in at least `minimumDocumentFrequency` of them.
    public init(_ counted: DocumentFrequencies, minimumDocumentFrequency: Int = 2) {
        var frequencies: [(key: UInt64, df: UInt32)] = []
        let minimum = max(1, minimumDocumentFrequency)
        counted.counts.forEach { key, df in
            if df >= minimum { frequencies.append((key, UInt32(clamping: df))) }
        }
        // Counted statistics are valid by construction: 0 ≤ df ≤ documentCount.
        self.init(options: counted.extractor.options, documentCount: counted.documentCount, unsorted: frequencies)
    }

    /// Number of n-grams listed.
    public var count: Int { keys.count }

    /// The smoothed IDF of `key` (``unseenIDF`` when it is not listed).
    @inline(__always)
    public func idf(of key: UInt64) -> Float {
        table.value.entry(of: key)?.weight ?? unseenIDF
    }

    /// The IDF of each of `keys` (as ``idf(of:)``, with the table loads of consecutive
    /// keys overlapped).
    public func idf(of keys: [UInt64]) -> [Float] {
        table.value.weights(of: keys, missing: unseenIDF)
    }

    /// The document frequency of `key` (0 when not listed).
    public func documentFrequency(of key: UInt64) -> Int {
        table.value.index(of: key).map { Int(documentFrequencies[Int($0)]) } ?? 0
    }

    /// Equal when options, document count and every key with its frequency match.
    public static func == (lhs: BackgroundIDF, rhs: BackgroundIDF) -> Bool {
        lhs.options == rhs.options && lhs.documentCount == rhs.documentCount
            && lhs.keys == rhs.keys && lhs.documentFrequencies == rhs.documentFrequencies
    }

    // MARK: - Binary form

    /// The magic bytes that open an IDF file: `DSIDF` then 0x1A, 0x0A, 0x00.
    public static let magic: [UInt8] = [0x44, 0x53, 0x49, 0x44, 0x46, 0x1A, 0x0A, 0x00]
    /// The format version this code writes: 2, a container whose checksum covers
    /// the whole file. Version 1 (the checksum over the key data only) is still read.
    public static let formatVersion: UInt32 = 2
    /// Version 1's header: magic, version, options (4 bytes), document count, key count,
    /// data length, data checksum.
    static let legacyHeaderSize = 8 + 4 + 4 + 8 + 8 + 8 + 8

    /// The binary form: a checksummed container (magic, version, size, payload, FNV-1a 64
    /// of everything before it) whose payload is the n-gram options (min and
    /// max length, flags: bit 0 folds digits, bit 1 spans punctuation; a zero byte), the
    /// document count and key count (u64 each), then keys as varint deltas and document
    /// frequencies as varints. Same table → same bytes.
    public func serialized() -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(20 + keys.count * 5)
        payload.append(UInt8(options.minLength))
        payload.append(UInt8(options.maxLength))
        payload.append((options.foldsDigits ? 1 : 0) | (options.includesPunctuation ? 2 : 0))
        payload.append(0)
        BinaryContainer.appendLittleEndian(UInt64(documentCount), byteCount: 8, to: &payload)
        BinaryContainer.appendLittleEndian(UInt64(keys.count), byteCount: 8, to: &payload)
        appendKeyData(to: &payload)
        return BinaryContainer.wrap(payload, magic: BackgroundIDF.magic, version: BackgroundIDF.formatVersion)
    }

    private func appendKeyData(to bytes: inout [UInt8]) {
        var previous: UInt64 = 0
        for key in keys {
            BinaryContainer.appendVarint(key &- previous, to: &bytes)
            previous = key
        }
        for df in documentFrequencies { BinaryContainer.appendVarint(UInt64(df), to: &bytes) }
    }

    /// Reads the binary form (version 2, or version 1 as written before).
    /// - Throws: ``BackgroundIDFError`` on bad magic, unknown version, truncation,
    ///   checksum mismatch or inconsistent contents.
    public init(serialized bytes: [UInt8]) throws(BackgroundIDFError) {
        if bytes.count >= 12, bytes[0..<8].elementsEqual(BackgroundIDF.magic),
           BinaryContainer.littleEndian(bytes, at: 8, byteCount: 4) == 1 {
            try self.init(legacy: bytes)
            return
        }
        let payload: Range<Int>
        do {
            payload = try BinaryContainer.open(bytes, magic: BackgroundIDF.magic, versions: [BackgroundIDF.formatVersion]).payload
        } catch {
            throw BackgroundIDFError(error)
        }
        guard payload.count >= 20 else { throw .malformed("header shorter than 20 bytes") }
        let p = payload.lowerBound
        try self.init(optionBytes: (bytes[p], bytes[p + 1], bytes[p + 2]),
                      documentCount: BinaryContainer.littleEndian(bytes, at: p + 4, byteCount: 8),
                      keyCount: BinaryContainer.littleEndian(bytes, at: p + 12, byteCount: 8),
                      keyData: bytes, from: p + 20, to: payload.upperBound)
    }

    /// Reads a version-1 file.
    private init(legacy bytes: [UInt8]) throws(BackgroundIDFError) {
        guard bytes.count >= BackgroundIDF.legacyHeaderSize else { throw .truncated }
        let payloadLength = BinaryContainer.littleEndian(bytes, at: 32, byteCount: 8)
        let available = UInt64(bytes.count - BackgroundIDF.legacyHeaderSize)
        guard payloadLength == available else {
            throw payloadLength > available ? .truncated : .malformed("trailing bytes")
        }
        guard FNV1a64.hash(bytes[BackgroundIDF.legacyHeaderSize...]) == BinaryContainer.littleEndian(bytes, at: 40, byteCount: 8) else {
            throw .checksumMismatch
        }
        guard bytes[14] <= 1 else { throw .malformed("n-gram flags \(bytes[14])") }
        try self.init(optionBytes: (bytes[12], bytes[13], bytes[14]),
                      documentCount: BinaryContainer.littleEndian(bytes, at: 16, byteCount: 8),
                      keyCount: BinaryContainer.littleEndian(bytes, at: 24, byteCount: 8),
                      keyData: bytes, from: BackgroundIDF.legacyHeaderSize, to: bytes.count)
    }

    /// Checks the header values and decodes the key data in `bytes[start..<end]`.
    private init(optionBytes: (UInt8, UInt8, UInt8), documentCount: UInt64, keyCount: UInt64,
                 keyData bytes: [UInt8], from start: Int, to end: Int) throws(BackgroundIDFError) {
        let (minLength, maxLength, flags) = (Int(optionBytes.0), Int(optionBytes.1), optionBytes.2)
        guard flags <= 3, let options = try? NGramOptions(minLength: minLength, maxLength: maxLength,
                                                          foldsDigits: flags & 1 == 1, includesPunctuation: flags & 2 == 2)
        else { throw .malformed("n-gram options \(minLength)–\(maxLength), flags \(flags)") }
        guard documentCount <= UInt64(Int32.max), keyCount <= UInt64(end - start) / 2 else {
            throw .malformed("counts out of range")
        }
        let (keys, dfs) = try BackgroundIDF.decodeKeyData(bytes, from: start, to: end, count: Int(keyCount),
                                                          documentCount: documentCount)
        self.init(options: options, documentCount: Int(documentCount), sortedKeys: keys, frequencies: dfs)
    }

    /// The keys (ascending, as varint deltas) then their document frequencies (varints) in
    /// `bytes[start..<end]`, decoded straight from the raw bytes into the arrays.
    private static func decodeKeyData(_ bytes: [UInt8], from start: Int, to end: Int, count: Int,
                                      documentCount: UInt64) throws(BackgroundIDFError) -> ([UInt64], [UInt32]) {
        guard start >= 0, start <= end, end <= bytes.count else { throw .truncated }
        var problem: BackgroundIDFError?
        var dfs: [UInt32] = []
        // Written in place, never zero-filled first: each closure reports how many it wrote.
        let keys = bytes.withUnsafeBufferPointer { bytes in
            [UInt64](unsafeUninitializedCapacity: count) { keys, keyCount in
                var reader = VarintReader(bytes: bytes, position: start, end: end)
                var previous: UInt64 = 0
                while keyCount < count {
                    guard let delta = reader.next() else { problem = reader.problem; return }
                    guard keyCount == 0 || delta > 0 else { problem = .malformed("keys not ascending"); return }
                    let (key, overflow) = previous.addingReportingOverflow(delta)
                    guard !overflow, key != 0 else { problem = .malformed("key out of range"); return }
                    keys.initializeElement(at: keyCount, to: key)
                    keyCount &+= 1
                    previous = key
                }
                dfs = [UInt32](unsafeUninitializedCapacity: count) { dfs, dfCount in
                    while dfCount < count {
                        guard let df = reader.next() else { problem = reader.problem; return }
                        guard df >= 1, df <= documentCount else { problem = .malformed("document frequency \(df)"); return }
                        dfs.initializeElement(at: dfCount, to: UInt32(truncatingIfNeeded: df))
                        dfCount &+= 1
                    }
                    if reader.position != end { problem = .malformed("trailing bytes") }
                }
            }
        }
        if let problem { throw problem }
        return (keys, dfs)
    }

}

/// Reads LEB128 varints (7 bits a byte, least significant first) from `bytes[position..<end]`.
private struct VarintReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var position: Int
    /// One past the last byte that may be read (at most `bytes.count`).
    let end: Int
    /// Whether the last ``next()`` gave `nil` for an overflow (else for running past `end`).
    var overflowed = false

    /// Why the last ``next()`` gave `nil`.
    var problem: BackgroundIDFError { overflowed ? .malformed("varint overflow") : .truncated }

    /// The next varint, or `nil` (``problem`` says why) when it runs past `end` or overflows
    /// 64 bits. With ten bytes left (the longest varint) no byte is checked on its own; one
    /// byte, the common case, is one branch.
    @inline(__always)
    mutating func next() -> UInt64? {
        guard position < end else { return nil }
        let first = bytes[position]
        if first < 0x80 {
            position &+= 1
            return UInt64(first)
        }
        var value = UInt64(first & 0x7F)
        var shift: UInt64 = 7
        var p = position &+ 1
        if end &- position >= 10 {
            while shift < 63 {
                let byte = bytes[p]
                p &+= 1
                value |= UInt64(byte & 0x7F) &<< shift
                if byte < 0x80 {
                    position = p
                    return value
                }
                shift &+= 7
            }
            let last = bytes[p]  // the tenth byte holds bit 63 only
            guard last <= 1 else {
                overflowed = true
                return nil
            }
            position = p &+ 1
            return value | UInt64(last) &<< 63
        }
        while p < end {
            let byte = bytes[p]
            p &+= 1
            guard shift < 63 || (shift == 63 && byte <= 1) else {
                overflowed = true
                return nil
            }
            value |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 {
                position = p
                return value
            }
            shift &+= 7
        }
        return nil
    }
}
