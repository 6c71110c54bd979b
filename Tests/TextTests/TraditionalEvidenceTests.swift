import Testing
@testable import DocSiftText

/// ``TraditionalEvidence`` is a written-out copy of what the compiled conversion table
/// says; simplified text is decided on it without compiling the table.
@Suite struct TraditionalEvidenceTests {
    /// The list equals the compiled table's evidence (when the OpenCC tables change, the
    /// failure message carries the new list to paste).
    @Test func listEqualsTheCompiledTable() {
        let compiled = ScriptConverter.traditionalToSimplified.evidenceBits
        var expected = String.UnicodeScalarView()
        for v in 0..<ScriptConverter.bitmapLimit where compiled[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 {
            if let scalar = Unicode.Scalar(v) { expected.append(scalar) }
        }
        let listed = TraditionalEvidence.characters.unicodeScalars.filter { $0 != "\n" }
        #expect(listed.elementsEqual(expected), "new list (\(expected.count) characters):\n\(String(expected))")
        #expect(TraditionalEvidence.bits == compiled)
    }

    /// 什么, 那么, 要么 are simplified: their 么 (which the Hong Kong variants map to 幺) is
    /// no evidence, so an LCSTS post with three of them among 90 Han characters is left as it is
    /// (it was converted, and its keyword came out as 什幺).
    @Test func simplifiedTextWithMeIsNotConverted() {
        let post = "欠债还钱，自古天理。为什么有那么一些业主，自己可以大手大脚随便挥霍，就是不肯把仨瓜俩枣的工钱支付给农民工。欠薪的本质是什么？是对劳动权利的蔑视，是对劳动者的不尊重，是对劳动法的粗暴践踏。"
        #expect(!ScriptConverter.traditionalToSimplified.isTraditional(post))
        #expect(FeatureText.prepare(post) == post)
        #expect(ConvertedText(post).keepsCharacters)
        // Traditional text is still converted.
        #expect(FeatureText.prepare("為什麼這麼多人關注這個問題") == "为什么这么多人关注这个问题")
    }
}

/// ``SymbolFilter/droppedBMP`` is built from candidate ranges; it must be every BMP scalar
/// ``SymbolFilter/isDropped(_:)`` accepts.
@Suite struct SymbolFilterRangeTests {
    @Test func candidateRangesCoverEveryDroppedBMPScalar() {
        let everything = (0..<UInt32(0x10000)).filter(SymbolFilter.isDropped)
        #expect(SymbolFilter.droppedBMP == everything)
        #expect(SymbolFilter.droppedBMP.contains(0x2764))  // ❤
        #expect(!SymbolFilter.droppedBMP.contains(0x2605))  // ★ stays
    }
}
