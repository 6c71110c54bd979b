import Foundation
import Testing
@testable import DocSiftText

/// WebFurniture searches its phrases by bytes when a line is plain (every scalar a whole
/// character with no canonical equivalent): the answers must be those of the string search,
/// on real lines and on lines made to tell the two apart.
@Suite struct WebFurniturePlainSearchTests {
    static let phrases = (WebFurniture.furniturePrefixes + WebFurniture.copyrightWords + WebFurniture.furnitureWords
        + [".jpg", ".png", "copyright", "all rights reserved", "", "编辑", "»", ";"]).map(WebFurniture.Phrase.init)

    /// Lines of the seed pages and web-page fixtures, and lines that are not plain:
    /// a combining mark after a phrase, a compatibility ideograph (U+F9xx, canonically equal
    /// to a unified one), decomposed Latin, a Greek ano teleia (equal to ·).
    static var lines: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var texts: [String] = []
        for folder in ["seeds/pages", "Tests/Fixtures/web-pages"] {
            let url = root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".txt") {
                if let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
            }
        }
        let made = [
            "责任编辑：王小明", "责任编辑\u{301}：王", "版权所有\u{302A}", "\u{F9B5}权所有", "作者\u{FF1A}李明",
            "Copyright © 2023", "COPYRIGHT\u{301} 2023", "e\u{301}dition.JPG", "a.jp\u{301}g", "ICP备\u{20DD}", "打印\u{200D}",
            "首页\u{0387}新闻", "点击数：12", "【打印】【关闭】", "字号:大中小", "“责任编辑”——王", "◎ 记者 王明",
            "版权\u{2028}所有", "Copyright\u{00AD}", "\u{037E}编辑:", "编辑\u{0338}:", "アメリカが版权所有",
        ]
        return texts.flatMap { $0.split(separator: "\n").map(String.init) } + made
    }

    @Test func plainSearchAgreesWithTheStringSearch() throws {
        let lines = WebFurniturePlainSearchTests.lines
        try #require(lines.count > 200, "the seed pages are missing")
        for line in lines {
            let scalars = TextNormalizer.normalizeLine(Array(line.unicodeScalars))
            let compact = String(String.UnicodeScalarView(scalars.filter { $0 != " " }))
            let plain = scalars.allSatisfy(WebFurniture.isPlain)
            for text in [compact, compact.lowercased()] {
                for phrase in WebFurniturePlainSearchTests.phrases {
                    // The reference: the same helpers with the byte search off (the string search
                    // as DocSiftText calls it, without Foundation's overloads).
                    #expect(WebFurniture.contains(text, phrase, plain: plain) == WebFurniture.contains(text, phrase, plain: false),
                            "\(text) / \(phrase.text)")
                    #expect(WebFurniture.hasPrefix(text, phrase, plain: plain) == WebFurniture.hasPrefix(text, phrase, plain: false),
                            "\(text) / \(phrase.text)")
                }
            }
        }
    }

    /// Every plain scalar is its own canonical decomposition, combines with nothing and never
    /// joins a neighbour into one character: what makes the byte search exact.
    @Test func plainScalarsAreSingleCharactersWithoutEquivalents() {
        var checked = 0
        for value in UInt32(0x20)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), WebFurniture.isPlain(scalar) else { continue }
            let alone = String(Character(scalar))
            #expect(alone.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]), "U+\(String(value, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered)
            #expect(("a" + alone + "\u{4E00}" + alone + alone).count == 5, "U+\(String(value, radix: 16)) joins a neighbour")
            checked += 1
        }
        #expect(checked > 20_000)
    }

    @Test func linesThatAreNotPlainUseTheStringSearch() {
        // Compatibility ideographs, combining marks and tone marks are not plain: for lines
        // holding them the string search decides.
        #expect(!WebFurniture.isPlain("\u{F9B5}"))
        #expect(!WebFurniture.isPlain("\u{301}"))
        #expect(!WebFurniture.isPlain("\u{302A}"))
        #expect(WebFurniture.isFurniture("责任编辑：王小明"))
        #expect(WebFurniture.isFurniture("京ICP备12345678号-1"))
    }
}
