import DocSiftCorpus
import Testing
@testable import DocSiftFeatures

/// The batch insert the training counter uses gives the same indices as inserting one key
/// at a time, across growth, with key 0 and with repeated keys.
@Suite struct KeyIndexTableBatchTests {
    @Test func appendedIndicesMatchOneAtATimeOnTheSeedNGrams() throws {
        let articles = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL).articles
        try #require(!articles.isEmpty, "the seed articles are missing")
        let extractor = NGramExtractor(options: try NGramOptions(minLength: 1, maxLength: 3))
        let counts = NGramCounts()
        var batched = KeyIndexTable(expectedCount: 1), single = KeyIndexTable(expectedCount: 1)
        var buffer: [Int32] = []
        for (k, article) in articles.enumerated() {
            counts.count(article.text, with: extractor)
            var keys: [UInt64] = []
            counts.forEach { key, _ in keys.append(key) }
            if k == 3 { keys += [0, keys[0], 0] }  // key 0 is a key like any other; repeats get their first index
            buffer.removeAll(keepingCapacity: true)
            batched.appendIndices(inserting: keys, to: &buffer)
            #expect(buffer == keys.map { single.index(inserting: $0) })
            #expect(batched.count == single.count)
        }
        #expect(batched.count > 4096)  // grew past its first size several times
        var seen: [UInt64: Int32] = [:]
        batched.forEach { key, index in seen[key] = index }
        #expect(seen.count == batched.count && seen[0] != nil)
        #expect(seen.allSatisfy { single.index(of: $0.key) == $0.value })
    }

    @Test func appendingKeepsWhatTheBufferHeld() {
        var table = KeyIndexTable(expectedCount: 4)
        var buffer: [Int32] = [-7]
        table.appendIndices(inserting: [5, 9, 5], to: &buffer, prefetchingAhead: 0)
        #expect(buffer == [-7, 0, 1, 0])
        table.appendIndices(inserting: [9, 11], to: &buffer, prefetchingAhead: 64)
        #expect(buffer == [-7, 0, 1, 0, 1, 2] && table.count == 3)
    }
}
