import Testing
@testable import DocSiftFeatures

@Suite("Character n-grams")
struct NGramTests {
    func texts(_ text: String, _ options: NGramOptions = NGramOptions()) -> [String] {
        NGramExtractor(options: options).keys(in: text).compactMap(NGramKey.text(of:))
    }

    @Test func oneToThreeGramsInTextOrder() {
        // Ordered by where each n-gram ends, shortest first.
        #expect(texts("反诈骗") == ["反", "诈", "反诈", "骗", "诈骗", "反诈骗"])
    }

    @Test func punctuationAndSpacesEndARun() {
        // No n-gram spans "，" or the space.
        let grams = texts("电信，诈骗 宣传")
        #expect(grams.contains("电信"))
        #expect(grams.contains("诈骗"))
        #expect(!grams.contains { $0.contains("信诈") || $0.contains("骗宣") })
    }

    @Test func digitsFoldAndFullWidthIsNormalized() throws {
        #expect(texts("２０２３年") == texts("2024年"))
        #expect(texts("ABC", try NGramOptions(minLength: 1, maxLength: 1)) == ["a", "b", "c"])
        #expect(texts("5.6万", try NGramOptions(minLength: 2, maxLength: 2)) == ["0万"])
        #expect(texts("2023年", try NGramOptions(minLength: 1, maxLength: 3, foldsDigits: false)).contains("23年"))
    }

    @Test func keysDecodeAndLongGramsHash() throws {
        let options = try NGramOptions(minLength: 4, maxLength: 5)
        let keys = NGramExtractor(options: options).keys(in: "防范电信诈骗")
        #expect(keys.count == 3 + 2)
        #expect(keys.allSatisfy { $0 & NGramKey.hashedFlag != 0 })
        #expect(keys.allSatisfy { NGramKey.text(of: $0) == nil })
        // Hashed keys are stable functions of the text.
        #expect(keys == NGramExtractor(options: options).keys(in: "防范电信诈骗"))
        #expect(NGramKey.text(of: NGramKey.key(of: [0x8BC8, 0x9A97] as [UInt32])) == "诈骗")
    }

    @Test func emptyAndSeparatorOnlyTextsHaveNoGrams() {
        #expect(texts("").isEmpty)
        #expect(texts("，。！？ \n\t“”").isEmpty)
    }
}

@Suite("Vocabulary")
struct VocabularyTests {
    @Test func indexesFollowFirstOccurrenceAndUnknownKeysMiss() {
        let keys = NGramExtractor().keys(in: "电信网络诈骗防范电信诈骗")
        let vocabulary = Vocabulary(keys: keys)
        let distinct = keys.reduce(into: [UInt64]()) { if !$0.contains($1) { $0.append($1) } }
        #expect(vocabulary.keys == distinct)
        for (position, key) in distinct.enumerated() { #expect(vocabulary.index(of: key) == position) }
        #expect(vocabulary.index(of: NGramKey.key(of: [0x732B] as [UInt32])) == nil)  // 猫
        #expect(vocabulary.index(of: 0) == nil)
    }

    @Test func manyKeysWithCollidingSlotsAllResolve() {
        // 50,000 keys that differ only in high bits stress the probing.
        let keys = (1...50_000).map { UInt64($0) << 40 | 0x4E00 }
        let vocabulary = Vocabulary(keys: keys)
        #expect(vocabulary.count == 50_000)
        #expect(keys.enumerated().allSatisfy { vocabulary.index(of: $0.element) == $0.offset })
        #expect(vocabulary.index(of: 50_001 << 40 | 0x4E00) == nil)
    }
}

@Suite("n-grams spanning punctuation")
struct PunctuationNGramTests {
    func texts(_ text: String) -> [String] {
        NGramExtractor(options: NGramOptions.unigramsAndBigrams.withPunctuation)
            .keys(in: text).compactMap(NGramKey.text(of:))
    }

    @Test func punctuationIsACharacterAndSpacesCollapse() {
        // Chinese punctuation (，！) stays itself; a run of white space is one space.
        #expect(texts("好，人") == ["好", "，", "好，", "人", "，人"])
        #expect(texts("a  \t b！") == ["a", " ", "a ", "b", " b", "！", "b！"])
        #expect(texts("ａ＋ｂ") == ["a", "+", "a+", "b", "+b"])
    }

    @Test func controlCharactersAreSkippedAndCharactersBeyondTheBMPCount() {
        // A control character inside a run is dropped, not a break; 𠀀 (U+20000, CJK
        // extension B) is a letter; an emoji is a symbol.
        #expect(texts("好\u{7}人") == ["好", "人", "好人"])
        #expect(texts("𠀀人") == ["𠀀", "人", "𠀀人"])
        #expect(texts("好😀") == ["好", "😀", "好😀"])
    }

    @Test func theDefaultStillEndsRunsAtPunctuation() {
        let grams = NGramExtractor(options: .unigramsAndBigrams).keys(in: "好，人").compactMap(NGramKey.text(of:))
        #expect(grams == ["好", "人"])
    }
}

extension NGramOptions {
    /// 1–2-grams spanning punctuation.
    var withPunctuation: NGramOptions {
        var options = NGramOptions.unigramsAndBigrams
        options.includesPunctuation = true
        return options
    }
}
