import DocSiftCorpus
import Foundation
import Testing
import DocSift
@testable import DocSiftFeatures

@Suite struct BackgroundIDFTests {
    let texts = ["北京天气很好。", "上海天气不好。", "北京下雨了。", "广州很热。"]
    static let newsIDF = BackgroundIDF.bundledNewsURL

    @Test func countsDocumentFrequencies() throws {
        let idf = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1)
        let key = { (s: String) in NGramExtractor().keys(in: s)[0] }
        #expect(idf.documentCount == 4)
        #expect(idf.documentFrequency(of: key("北")) == 2)
        #expect(idf.documentFrequency(of: NGramExtractor(options: try NGramOptions(minLength: 2, maxLength: 2)).keys(in: "天气")[0]) == 2)
        #expect(idf.documentFrequency(of: key("州")) == 1)
        #expect(idf.idf(of: key("北")) < idf.idf(of: key("州")))
        let pruned = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 2)
        #expect(pruned.documentFrequency(of: key("州")) == 0)
        #expect(pruned.idf(of: key("州")) == pruned.unseenIDF)
        #expect(pruned.count < idf.count)
    }

    /// Built on ``DocumentFrequencies``: the same statistics as counting them directly.
    @Test func agreesWithDocumentFrequencies() {
        var counted = DocumentFrequencies()
        counted.add(contentsOf: texts)
        let idf = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1)
        #expect(idf.count == counted.counts.count)
        counted.counts.forEach { key, df in #expect(idf.documentFrequency(of: key) == df) }
    }

    /// The prefetching batch lookup the summarizer uses gives what single lookups give, for
    /// the listed and unlisted n-grams of a real article against the shipped news IDF.
    @Test func batchLookupMatchesSingleLookups() throws {
        let idf = try BackgroundIDF(contentsOf: Self.newsIDF)
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let text = try #require(corpus.articles.first?.text)
        let keys = NGramExtractor(options: idf.options).keys(in: text) + [0]
        let batch = idf.idf(of: keys)
        #expect(batch == keys.map { idf.idf(of: $0) })
        #expect(batch.contains(idf.unseenIDF))
        #expect(batch.contains { $0 != idf.unseenIDF })
    }

    @Test func roundTripsDeterministically() throws {
        let idf = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1)
        let bytes = idf.serialized()
        #expect(bytes == BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1).serialized())
        #expect(Array(bytes.prefix(8)) == BackgroundIDF.magic)
        #expect(try BackgroundIDF(serialized: bytes) == idf)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-idf-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try idf.write(to: url)
        #expect(try BackgroundIDF(contentsOf: url) == idf)
    }

    /// Version 1 (header outside its checksum) as the earlier code wrote it.
    func versionOne(_ idf: BackgroundIDF) -> [UInt8] {
        var payload: [UInt8] = []
        var previous: UInt64 = 0
        for key in idf.keys {
            BinaryContainer.appendVarint(key &- previous, to: &payload)
            previous = key
        }
        for df in idf.documentFrequencies { BinaryContainer.appendVarint(UInt64(df), to: &payload) }
        var bytes = BackgroundIDF.magic
        BinaryContainer.appendLittleEndian(1, byteCount: 4, to: &bytes)
        bytes += [UInt8(idf.options.minLength), UInt8(idf.options.maxLength), idf.options.foldsDigits ? 1 : 0, 0]
        for value in [UInt64(idf.documentCount), UInt64(idf.count), UInt64(payload.count), FNV1a64.hash(payload)] {
            BinaryContainer.appendLittleEndian(value, byteCount: 8, to: &bytes)
        }
        return bytes + payload
    }

    @Test func readsVersionOneFiles() throws {
        let idf = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1)
        #expect(try BackgroundIDF(serialized: versionOne(idf)) == idf)
        var flipped = versionOne(idf)
        flipped[flipped.count - 2] ^= 1
        #expect(throws: BackgroundIDFError.checksumMismatch) { try BackgroundIDF(serialized: flipped) }
    }

    /// Every bit of the file is under the checksum: a flipped bit in the n-gram options or
    /// the document count (outside the version-1 checksum) is caught.
    @Test func checksumCoversTheHeader() throws {
        let bytes = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1).serialized()
        for offset in [20, 21, 22, 24, 32] {  // min, max, flags, document count, key count
            var flipped = bytes
            flipped[offset] ^= 1
            #expect(throws: BackgroundIDFError.checksumMismatch) { try BackgroundIDF(serialized: flipped) }
        }
    }

    @Test func rejectsCorruptInputWithTypedErrors() throws {
        let bytes = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1).serialized()
        #expect(throws: BackgroundIDFError.notAnIDFFile) { try BackgroundIDF(serialized: []) }
        #expect(throws: BackgroundIDFError.truncated) { try BackgroundIDF(serialized: Array(bytes.prefix(5))) }
        #expect(throws: BackgroundIDFError.notAnIDFFile) { try BackgroundIDF(serialized: [UInt8]("not an idf file at all, really".utf8)) }
        var version = bytes
        version[8] = 99
        #expect(throws: BackgroundIDFError.unsupportedVersion(99)) { try BackgroundIDF(serialized: version) }
        var flipped = bytes
        flipped[bytes.count - 3] ^= 0x55
        #expect(throws: BackgroundIDFError.checksumMismatch) { try BackgroundIDF(serialized: flipped) }
        #expect(throws: BackgroundIDFError.truncated) { try BackgroundIDF(serialized: Array(bytes.dropLast(5))) }
        #expect(throws: BackgroundIDFError.truncated) { try BackgroundIDF(serialized: Array(bytes.prefix(20))) }
        #expect(throws: (any Error).self) { try BackgroundIDF(serialized: bytes + [0]) }
        // Every truncation and every single-byte corruption fails cleanly (never crashes).
        for cut in 0..<bytes.count {
            #expect(throws: BackgroundIDFError.self) { try BackgroundIDF(serialized: Array(bytes.prefix(cut))) }
        }
        for i in 0..<bytes.count {
            var corrupt = bytes
            corrupt[i] ^= 0xFF
            #expect(throws: BackgroundIDFError.self) { try BackgroundIDF(serialized: corrupt) }
        }
        #expect(throws: BackgroundIDFError.self) { try BackgroundIDF(contentsOf: URL(fileURLWithPath: "/nonexistent/idf.bin")) }
        // A corrupt file's error names the file.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-corrupt-\(UUID().uuidString).bin")
        try Data(flipped).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: BackgroundIDFError.invalidFile(path: file.path, problem: BackgroundIDFError.checksumMismatch.description)) {
            try BackgroundIDF(contentsOf: file)
        }
    }

    @Test func newsArtifactLoadsAndIsSmall() throws {
        guard FileManager.default.fileExists(atPath: Self.newsIDF.path) else {
            Issue.record("Models/news-idf.bin is missing")
            return
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: Self.newsIDF.path)
        #expect(((attributes[.size] as? NSNumber)?.intValue ?? .max) < 1_000_000)
        #expect(Self.newsIDF.path.hasSuffix("Models/news-idf.bin"))
        let idf = try BackgroundIDF(contentsOf: Self.newsIDF)
        #expect(idf.documentCount == 1316)
        #expect(idf.count > 100_000)
        let key = { (s: String) in NGramExtractor().keys(in: s)[0] }
        #expect(idf.idf(of: key("的")) < idf.idf(of: key("滋")))
    }

    /// `docsift build-idf` reads the corpus with DocSiftCorpus and builds from the texts:
    /// the same steps here give the shipped bytes.
    @Test func artifactIsReproducibleFromTheNewsCorpus() throws {
        let url = Self.newsIDF.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/data/cnews_fulltext/cnews_subset.jsonl")
        guard FileManager.default.fileExists(atPath: url.path), FileManager.default.fileExists(atPath: Self.newsIDF.path) else {
            FileHandle.standardError.write(Data("skipping: \(url.path) is absent (shared benchmark data not mounted)\n".utf8))
            return
        }
        var texts: [String] = []
        try InputSource(paths: [url.path]).forEachRecord { result in
            if case .success(let record) = result { texts.append(record.text) }
            return true
        }
        let bytes = BackgroundIDF.build(texts: texts).serialized()
        #expect(Data(bytes) == (try Data(contentsOf: Self.newsIDF)), "Models/news-idf.bin is stale")
    }
}
