import Foundation
import Testing
import DocSift
@testable import DocSiftSummarizer

@Suite struct BackgroundIDFTests {
    let texts = ["北京天气很好。", "上海天气不好。", "北京下雨了。", "广州很热。"]

    @Test func countsDocumentFrequencies() {
        let idf = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1)
        let key = { (s: String) in NGramExtractor().keys(in: s)[0] }
        #expect(idf.documentCount == 4)
        #expect(idf.documentFrequency(of: key("北")) == 2)
        #expect(idf.documentFrequency(of: NGramExtractor(options: NGramOptions(minLength: 2, maxLength: 2)).keys(in: "天气")[0]) == 2)
        #expect(idf.documentFrequency(of: key("州")) == 1)
        #expect(idf.idf(of: key("北")) < idf.idf(of: key("州")))
        let pruned = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 2)
        #expect(pruned.documentFrequency(of: key("州")) == 0)
        #expect(pruned.idf(of: key("州")) == pruned.unseenIDF)
        #expect(pruned.count < idf.count)
    }

    /// The prefetching batch lookup the summarizer uses gives what single lookups give, for
    /// the listed and unlisted n-grams of a real article against the shipped news IDF.
    @Test func batchLookupMatchesSingleLookups() throws {
        let idf = try BackgroundIDF(contentsOf: TestPaths.newsIDF)
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let text = try #require(corpus.articles.first?.text)
        let keys = NGramExtractor(options: idf.options).keys(in: text) + [0]
        var batch = [Float](repeating: -1, count: keys.count)
        keys.withUnsafeBufferPointer { keys in batch.withUnsafeMutableBufferPointer { idf.idf(of: keys, into: $0) } }
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

    @Test func rejectsCorruptInputWithTypedErrors() throws {
        let bytes = BackgroundIDF.build(texts: texts, minimumDocumentFrequency: 1).serialized()
        #expect(throws: SummarizerDataError.truncated) { try BackgroundIDF(serialized: []) }
        #expect(throws: SummarizerDataError.notAnIDFFile) { try BackgroundIDF(serialized: [UInt8]("not an idf file at all, really".utf8)) }
        var version = bytes
        version[8] = 99
        #expect(throws: SummarizerDataError.unsupportedVersion(99)) { try BackgroundIDF(serialized: version) }
        var flipped = bytes
        flipped[bytes.count - 3] ^= 0x55
        #expect(throws: SummarizerDataError.checksumMismatch) { try BackgroundIDF(serialized: flipped) }
        #expect(throws: SummarizerDataError.truncated) { try BackgroundIDF(serialized: Array(bytes.dropLast(5))) }
        #expect(throws: SummarizerDataError.truncated) { try BackgroundIDF(serialized: Array(bytes.prefix(20))) }
        #expect(throws: (any Error).self) { try BackgroundIDF(serialized: bytes + [0]) }
        // Every truncation and every single-byte corruption fails cleanly (never crashes).
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: (any Error).self) { try BackgroundIDF(serialized: Array(bytes.prefix(cut))) }
        }
        for i in 0..<bytes.count {
            var corrupt = bytes
            corrupt[i] ^= 0xFF
            _ = try? BackgroundIDF(serialized: corrupt)
        }
        #expect(throws: SummarizerDataError.self) { try BackgroundIDF(contentsOf: URL(fileURLWithPath: "/nonexistent/idf.bin")) }
        // A corrupt file's error names the file.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-corrupt-\(UUID().uuidString).bin")
        try Data(flipped).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: SummarizerDataError.invalidFile(path: file.path, problem: SummarizerDataError.checksumMismatch.description)) {
            try BackgroundIDF(contentsOf: file)
        }
    }

    @Test func newsArtifactLoadsAndIsSmall() throws {
        guard FileManager.default.fileExists(atPath: TestPaths.newsIDF.path) else {
            Issue.record("Models/news-idf.bin is missing")
            return
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: TestPaths.newsIDF.path)
        #expect(((attributes[.size] as? NSNumber)?.intValue ?? .max) < 1_000_000)
        #expect(TestPaths.newsIDF.path.hasSuffix("Models/news-idf.bin"))
        let idf = try BackgroundIDF(contentsOf: TestPaths.newsIDF)
        #expect(idf.documentCount == 1316)
        #expect(idf.count > 100_000)
        let key = { (s: String) in NGramExtractor().keys(in: s)[0] }
        #expect(idf.idf(of: key("的")) < idf.idf(of: key("滋")))
    }

    @Test func artifactIsReproducibleFromTheNewsCorpus() throws {
        guard let url = TestPaths.data("cnews_fulltext/cnews_subset.jsonl"),
              FileManager.default.fileExists(atPath: TestPaths.newsIDF.path) else { return }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-news-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: output) }
        try BackgroundIDF.rebuild(from: url, to: output)
        #expect(try Data(contentsOf: output) == Data(contentsOf: TestPaths.newsIDF), "Models/news-idf.bin is stale")
    }
}
