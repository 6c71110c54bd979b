import DocSiftCorpus
import Foundation
import Testing
@testable import DocSiftFeatures

/// The n-gram kernel's occurrence API, the options that guard it, and the checked types
/// around it, on the seed articles.
@Suite struct KernelTests {
    static let seedTexts: [String] = {
        (try? SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL))?.articles.map(\.text) ?? []
    }()

    static let optionSets: [NGramOptions] = {
        var sets: [NGramOptions] = [NGramOptions(), .unigramsAndBigrams, NGramOptions(includesPunctuation: true)]
        for (low, high) in [(1, 1), (2, 2), (2, 5), (1, 6), (4, 4)] {
            if let options = try? NGramOptions(minLength: low, maxLength: high, foldsDigits: low != 2) { sets.append(options) }
        }
        return sets
    }()

    /// Occurrences give the same keys as `forEachKey`, in the same order, with lengths in
    /// range and ends that step through the text; each packed key decodes to the scalars
    /// that end at its end offset (after normalization).
    @Test(arguments: optionSets)
    func occurrencesMatchKeys(options: NGramOptions) throws {
        #expect(!Self.seedTexts.isEmpty)
        let extractor = NGramExtractor(options: options)
        for text in Self.seedTexts {
            var occurrences: [(key: UInt64, length: Int, end: Int)] = []
            extractor.forEachOccurrence(in: text.unicodeScalars) { occurrences.append(($0, $1, $2)) }
            #expect(occurrences.map(\.key) == extractor.keys(in: text))
            var previousEnd = 0, previousLength = 0
            for occurrence in occurrences {
                #expect((options.minLength...options.maxLength).contains(occurrence.length))
                #expect(occurrence.key != 0)
                #expect(occurrence.end >= previousEnd && occurrence.end <= text.unicodeScalars.count)
                if occurrence.end == previousEnd { #expect(occurrence.length == previousLength + 1) }
                previousEnd = occurrence.end
                previousLength = occurrence.length
                if !options.includesPunctuation, let decoded = NGramKey.text(of: occurrence.key) {
                    #expect(decoded.unicodeScalars.count == occurrence.length)
                }
            }
        }
    }

    /// A run that is cut into pieces by the caller (one call per sentence) never yields an
    /// n-gram across the cut, and the pieces' occurrences are the whole text's minus those.
    @Test func separateCallsDoNotSpanEachOther() {
        let extractor = NGramExtractor()
        var keys: [UInt64] = []
        for piece in ["电信", "诈骗"] { extractor.forEachOccurrence(in: piece.unicodeScalars) { key, _, _ in keys.append(key) } }
        #expect(keys.compactMap(NGramKey.text(of:)) == ["电", "信", "电信", "诈", "骗", "诈骗"])
    }

    @Test func lengthsOutOfRangeAreTypedErrors() throws {
        #expect(throws: NGramOptionsError.minimumLengthBelowOne(0)) { try NGramOptions(minLength: 0, maxLength: 2) }
        #expect(throws: NGramOptionsError.minimumLengthBelowOne(-3)) { try NGramOptions(minLength: -3, maxLength: 2) }
        #expect(throws: NGramOptionsError.maximumBelowMinimum(minLength: 1, maxLength: 0)) { try NGramOptions(minLength: 1, maxLength: 0) }
        #expect(throws: NGramOptionsError.maximumLengthTooLarge(256)) { try NGramOptions(minLength: 1, maxLength: 256) }
        #expect(try NGramOptions(minLength: 1, maxLength: 255).maxLength == 255)
        // Decoding checks the same way; encoding and decoding round-trip.
        let decoder = JSONDecoder()
        for bad in [#"{"minLength":0,"maxLength":2}"#, #"{"minLength":1,"maxLength":0}"#, #"{"minLength":-1,"maxLength":2}"#,
                    #"{"minLength":1,"maxLength":300}"#] {
            #expect(throws: NGramOptionsError.self) { try decoder.decode(NGramOptions.self, from: Data(bad.utf8)) }
        }
        let options = try NGramOptions(minLength: 2, maxLength: 4, foldsDigits: false, includesPunctuation: true)
        #expect(try decoder.decode(NGramOptions.self, from: JSONEncoder().encode(options)) == options)
        #expect(NGramOptionsError.minimumLengthBelowOne(0).localizedDescription.contains("minLength 0"))
    }

    @Test func sparseVectorsCheckTheirIndices() throws {
        #expect(throws: SparseVectorError.countMismatch(indices: 2, values: 1)) { try SparseVector(indices: [0, 1], values: [1]) }
        #expect(throws: SparseVectorError.notAscending(position: 1, index: 1)) { try SparseVector(indices: [1, 1], values: [1, 1]) }
        #expect(throws: SparseVectorError.notAscending(position: 0, index: -1)) { try SparseVector(indices: [-1], values: [1]) }
        let vector = try SparseVector(indices: [2, 7], values: [3, 4])
        #expect(vector.indexBound == 8 && vector.norm == 5 && SparseVector().indexBound == 0)
        #expect(vector.dot(try SparseVector(indices: [7], values: [2])) == 8)
    }

    @Test func keyIndexTableNumbersKeysInFirstSeenOrder() {
        var table = KeyIndexTable(expectedCount: 1)
        let keys: [UInt64] = (1...5_000).map { $0 << 40 | 0x4E00 } + [0, 17, 0, 17]
        let indices = keys.map { table.index(inserting: $0, weight: Float($0 & 0xFF)) }
        #expect(Array(indices.prefix(5_000)) == (0..<5_000).map { Int32($0) })
        #expect(Array(indices.suffix(4)) == [5_000, 5_001, 5_000, 5_001])
        #expect(table.count == 5_002)
        #expect(table.index(of: 99) == nil && table.index(of: 0) == 5_000)
        #expect(table.weights(of: [17, 99, 0], missing: -1) == [17, -1, 0])
    }

    @Test func sublinearWeightIsOnePlusLog() {
        #expect(SublinearTF.weight(0) == 0 && SublinearTF.weight(-4) == 0 && SublinearTF.weight(1) == 1)
        for count in [2, 7, 255, 256, 10_000] {
            #expect(abs(SublinearTF.weight(count) - (1 + Float(log(Double(count))))) < 1e-5)
        }
    }

    @Test func containerChecksumsEveryByteAndReadsPayloadOnlyVersions() throws {
        let magic = Array("TESTFILE".utf8)
        let bytes = BinaryContainer.wrap([1, 2, 3], magic: magic, version: 2)
        let opened = try BinaryContainer.open(bytes, magic: magic, versions: [2])
        #expect(opened.version == 2 && Array(bytes[opened.payload]) == [1, 2, 3])
        for offset in bytes.indices.dropFirst(magic.count) where !(8..<12).contains(offset) {
            var flipped = bytes
            flipped[offset] ^= 0x10
            #expect(throws: BinaryContainer.Problem.self) { try BinaryContainer.open(flipped, magic: magic, versions: [2]) }
        }
        #expect(throws: BinaryContainer.Problem.unsupportedVersion(2)) { try BinaryContainer.open(bytes, magic: magic, versions: [1]) }
        #expect(throws: BinaryContainer.Problem.wrongMagic) { try BinaryContainer.open(bytes, magic: Array("OTHERFIL".utf8), versions: [2]) }
        #expect(throws: BinaryContainer.Problem.trailingBytes(1)) { try BinaryContainer.open(bytes + [0], magic: magic, versions: [2]) }
        // A version whose checksum covered the payload alone (model files of version 1).
        var old = Array(bytes[0..<23])
        old[8] = 1
        BinaryContainer.appendLittleEndian(FNV1a64.hash([1, 2, 3] as [UInt8]), byteCount: 8, to: &old)
        #expect(try BinaryContainer.open(old, magic: magic, versions: [1, 2], payloadOnlyChecksum: [1]).payload == 20..<23)
    }
}
