import Foundation
import DocSiftCorpus
import Testing
@testable import DocSiftFeatures

/// The bulk paths that build tables in one pass (the summarizer's local numbering, the IDF
/// table, the IDF decoder) give what the one-key-at-a-time paths give.
@Suite struct TableBuildTests {
    /// The n-gram keys of a real article (with repeats, and key 0 added twice).
    func articleKeys() throws -> [UInt64] {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let text = try #require(corpus.articles.first?.text)
        return NGramExtractor().keys(in: text) + [0, 0]
    }

    @Test func numberingMatchesInsertingOneByOne() throws {
        let keys = try articleKeys()
        let (table, indices, distinct, counts) = KeyIndexTable.numbering(keys)
        var oneByOne = KeyIndexTable(expectedCount: 16)
        let expected = keys.map { oneByOne.index(inserting: $0) }
        #expect(indices == expected)
        #expect(table.count == oneByOne.count && distinct.count == oneByOne.count)
        for (index, key) in distinct.enumerated() { #expect(table.index(of: key) == Int32(index)) }
        var tally = [Int32](repeating: 0, count: distinct.count)
        for index in expected { tally[Int(index)] += 1 }
        #expect(counts == tally)
        #expect(KeyIndexTable.numbering([]).indices.isEmpty)
    }

    @Test func distinctKeysTableMatchesInsertingOneByOne() throws {
        let keys = Array(Set(try articleKeys())).sorted()
        let weights = keys.map { Float($0 % 97) }
        let table = KeyIndexTable(distinctKeys: keys, weights: weights)
        #expect(table.count == keys.count)
        for (position, key) in keys.enumerated() {
            #expect(table.entry(of: key)?.index == Int32(position))
            #expect(table.entry(of: key)?.weight == weights[position])
        }
        #expect(table.index(of: 0x7FFF_FFFF_FFFF_FFFF) == nil)
    }

    /// Keys near 2⁶⁴ take ten-byte varints: read on the fast path (ten bytes left) and on
    /// the checked path (at the end of the data), and a bad tenth byte is an overflow.
    @Test func longVarintsOnBothPathsAndOverflow() throws {
        let options = try NGramOptions(minLength: 1, maxLength: 3)
        let idf = try BackgroundIDF(options: options, documentCount: 1_000,
                                    frequencies: [(1, 1), (1 << 62, 2), (UInt64.max - 1, 3), (UInt64.max, 900)])
        let bytes = idf.serialized()
        #expect(try BackgroundIDF(serialized: bytes) == idf)
        // Payload: 4 option bytes, two u64 counts, then the first key's varint (1 byte) and
        // the second delta, a 9-byte varint; make its last byte claim a continuation and a
        // tenth byte of 2: bit 64 would be set.
        let original = Array(bytes[BinaryContainer.headerSize..<(bytes.count - BinaryContainer.trailerSize)])
        var payload = original
        let second = 20 + 1
        #expect(payload[second + 8] < 0x80)
        payload[second + 8] |= 0x80
        payload.insert(2, at: second + 9)
        let corrupt = BinaryContainer.wrap(payload, magic: BackgroundIDF.magic, version: BackgroundIDF.formatVersion)
        #expect(throws: BackgroundIDFError.malformed("varint overflow")) { try BackgroundIDF(serialized: corrupt) }
        // Cut inside the last document frequency's two-byte varint (the checked path): truncated.
        let cut = BinaryContainer.wrap(Array(original.prefix(original.count - 1)), magic: BackgroundIDF.magic,
                                       version: BackgroundIDF.formatVersion)
        #expect(throws: BackgroundIDFError.truncated) { try BackgroundIDF(serialized: cut) }
    }
}

/// Counts no corpus gives are typed errors, not clamped to 0 or turned into a NaN IDF.
@Suite struct InvalidStatisticsTests {
    @Test func negativeDocumentCountsAreRejected() throws {
        let options = NGramOptions()
        #expect(throws: BackgroundIDFError.self) { try BackgroundIDF(options: options, documentCount: -3, frequencies: []) }
        #expect(throws: BackgroundIDFError.self) {
            try BackgroundIDF(options: options, documentCount: 2, frequencies: [(key: 7, df: 3)])
        }
        #expect(throws: BackgroundIDFError.self) { try DocumentFrequencies.inverseDocumentFrequency(documentFrequency: 1, documentCount: -5) }
        #expect(throws: BackgroundIDFError.self) { try DocumentFrequencies.inverseDocumentFrequency(documentFrequency: -1, documentCount: 5) }
        let idf = try DocumentFrequencies.inverseDocumentFrequency(documentFrequency: 1, documentCount: 3)
        #expect(abs(idf - Float(log(4.0 / 2.0) + 1)) < 1e-6)
        let valid = try BackgroundIDF(options: options, documentCount: 0, frequencies: [])
        #expect(valid.documentCount == 0 && valid.unseenIDF.isFinite)
        let message = (try? BackgroundIDF(options: options, documentCount: -3, frequencies: [])).map { _ in "" }
            ?? BackgroundIDFError.invalidStatistics("document count -3 is negative; count documents from 0").description
        #expect(message.contains("-3"))
    }
}
