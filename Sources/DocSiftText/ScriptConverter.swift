/// Traditional → simplified Chinese by OpenCC's dictionaries, with phrases.
///
/// The table is compiled once, on first use, from `OpenCCTables`: Taiwan and Hong Kong
/// forms (`TWPhrasesRev`, `TWVariantsRev…`, `HKVariantsRev…`, the first stage of OpenCC's
/// `tw2sp` and `hk2s`) composed with traditional → simplified (`TSPhrases`,
/// `TSCharacters`), so one left-to-right longest-match pass does both stages. Phrases decide
/// the characters whose simplified form depends on the word (乾燥 → 干燥 but 乾隆 stays,
/// 以後 → 以后, 頭髮 → 头发, 一隻 → 一只); keys that would map to themselves are dropped.
///
/// Whether a text is converted at all is decided on the whole text (``isTraditional(evidence:han:)``):
/// simplified text is left exactly as it is, even where it holds a character such as 乾 or
/// a Taiwan phrase such as 重新整理 that OpenCC would change. Simplified text is the common
/// case and costs one scan against a bitmap of the characters with a simplified form.
public struct ScriptConverter: Sendable {
    /// One key's replacement: `value` replaces `length` scalars.
    struct Entry: Sendable {
        /// The key's scalars after the first (empty for a single character).
        var tail: [UInt32]
        /// The replacement.
        var value: [Unicode.Scalar]
    }

    /// Scalars below this bound are looked up in ``startBits``; above, none changes.
    static let bitmapLimit: UInt32 = 0x30000

    /// Bit `v` set when scalar `v` starts a key.
    let startBits: [UInt64]
    /// Bit `v` set when scalar `v` alone has another simplified form: evidence of traditional
    /// text (the same set as ``TraditionalEvidence``, which texts are checked against).
    let evidenceBits: [UInt64]
    /// Keys by first scalar, longest first.
    let entries: [UInt32: [Entry]]
    /// The one-scalar replacement of each BMP character that only converts alone (0: none),
    /// the fast path of traditional text.
    let singleBMP: [UInt32]
    /// Bit `v` set when scalar `v` starts a phrase (or has another replacement than one
    /// BMP scalar): those go through ``match(in:at:)``.
    let phraseBits: [UInt64]
    /// Characters with a simplified form that simplified text uses too (通乾基金, 藉此, 捱骂,
    /// and 什么/那么/要么, whose 么 the Hong Kong variants map to 幺): the only ones the
    /// composed table changes in the cnews corpus and LCSTS. Not evidence of traditional text.
    static let usedInSimplifiedText: Set<UInt32> = [0x4E7E, 0x85C9, 0x6371, 0x4E48]  // 乾 藉 捱 么

    /// The longest key, in scalars.
    let longestKey: Int

    /// The shared traditional (Taiwan, Hong Kong and OpenCC standard forms) → simplified table.
    public static let traditionalToSimplified: ScriptConverter = {
        let regional = ScriptConverter(table: parse(OpenCCTables.regionalToTraditional))
        let simplifying = ScriptConverter(table: parse(OpenCCTables.traditionalToSimplified))
        var composed: [[UInt32]: [Unicode.Scalar]] = [:]
        for key in regional.keys + simplifying.keys {
            if composed[key] != nil { continue }
            let scalars = key.compactMap(Unicode.Scalar.init)
            composed[key] = simplifying.convertedScalars(regional.convertedScalars(scalars))
        }
        return ScriptConverter(table: composed)
    }()

    /// A converter for `table` (key scalars → replacement). Single characters that map to
    /// themselves, and phrases that change nothing the single characters would not, are left out.
    init(table: [[UInt32]: [Unicode.Scalar]]) {
        var singles: [UInt32: [Unicode.Scalar]] = [:]
        for (key, value) in table where key.count == 1 && value.map(\.value) != key {
            singles[key[0]] = value
        }
        var entries: [UInt32: [Entry]] = [:]
        var longest = 1
        for (key, value) in table where !key.isEmpty {
            if key.count == 1 {
                guard singles[key[0]] != nil else { continue }
            } else {
                // A phrase matters when it differs from character-by-character conversion.
                let bySingles = key.flatMap { singles[$0] ?? (Unicode.Scalar($0).map { [$0] } ?? []) }
                guard bySingles != value else { continue }
            }
            entries[key[0], default: []].append(Entry(tail: Array(key.dropFirst()), value: value))
            longest = max(longest, key.count)
        }
        var bits = [UInt64](repeating: 0, count: Int(ScriptConverter.bitmapLimit) / 64)
        var evidence = bits
        for first in entries.keys {
            entries[first]?.sort { $0.tail.count != $1.tail.count ? $0.tail.count > $1.tail.count : $0.tail.lexicographicallyPrecedes($1.tail) }
            guard first < ScriptConverter.bitmapLimit else { continue }
            bits[Int(first >> 6)] |= 1 << UInt64(first & 63)
            if singles[first] != nil, !ScriptConverter.usedInSimplifiedText.contains(first) {
                evidence[Int(first >> 6)] |= 1 << UInt64(first & 63)
            }
        }
        var singleBMP = [UInt32](repeating: 0, count: 0x10000)
        var phraseBits = [UInt64](repeating: 0, count: Int(ScriptConverter.bitmapLimit) / 64)
        for (first, list) in entries where first < ScriptConverter.bitmapLimit {
            for entry in list {
                if entry.tail.isEmpty, first < 0x10000, entry.value.count == 1 {
                    singleBMP[Int(first)] = entry.value[0].value
                } else {
                    phraseBits[Int(first >> 6)] |= 1 << UInt64(first & 63)
                }
            }
        }
        self.entries = entries
        self.startBits = bits
        self.evidenceBits = evidence
        self.singleBMP = singleBMP
        self.phraseBits = phraseBits
        self.longestKey = longest
    }

    /// The keys of this table (each as scalar values), in a fixed order.
    var keys: [[UInt32]] {
        entries.flatMap { first, list in list.map { [first] + $0.tail } }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `"key<TAB>value"` lines as a table (the first value of a repeated key wins; a value
    /// ends at a space). Read scalar by scalar: splitting into `Character`s costs far more.
    static func parse(_ lines: String) -> [[UInt32]: [Unicode.Scalar]] {
        var table: [[UInt32]: [Unicode.Scalar]] = [:]
        var key: [UInt32] = []
        var value: [Unicode.Scalar] = []
        var inValue = false, valueEnded = false
        for s in lines.unicodeScalars {
            if s == "\n" {
                if inValue, !key.isEmpty, !value.isEmpty, table[key] == nil { table[key] = value }
                key.removeAll(keepingCapacity: true)
                value = []
                inValue = false
                valueEnded = false
            } else if !inValue {
                if s == "\t" { inValue = true } else { key.append(s.value) }
            } else if s == " " {
                valueEnded = true
            } else if !valueEnded {
                value.append(s)
            }
        }
        if inValue, !key.isEmpty, !value.isEmpty, table[key] == nil { table[key] = value }
        return table
    }

    /// Whether scalar `v` starts a key.
    @inline(__always)
    func startsKey(_ v: UInt32) -> Bool {
        v < ScriptConverter.bitmapLimit && startBits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
    }

    /// The replacement of `v` when it converts alone and starts no phrase.
    @inline(__always)
    func simpleReplacement(_ v: UInt32) -> Unicode.Scalar? {
        guard v < 0x10000, phraseBits[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 else { return nil }
        let replacement = singleBMP[Int(v)]
        return replacement == 0 ? nil : Unicode.Scalar(replacement)
    }

    /// The longest key starting at `scalars[index]`, if any.
    @inline(__always)
    func match(in scalars: [Unicode.Scalar], at index: Int) -> Entry? {
        guard let list = entries[scalars[index].value] else { return nil }
        for entry in list {
            let tail = entry.tail
            guard index + tail.count < scalars.count else { continue }
            var k = 0
            while k < tail.count, scalars[index + 1 + k].value == tail[k] { k += 1 }
            if k == tail.count { return entry }
        }
        return nil
    }

    /// Whether a text with `evidence` characters that have a simplified form, among `han`
    /// Han characters, is traditional: at least one, and at least 2 % of the Han characters
    /// (traditional news has 20–35 %; simplified text may name 通乾基金 or quote 於).
    @inline(__always)
    public static func isTraditional(evidence: Int, han: Int) -> Bool {
        evidence > 0 && evidence * 50 >= han
    }

    /// Whether `text` is in traditional characters (see ``isTraditional(evidence:han:)``).
    public func isTraditional(_ text: String) -> Bool {
        var evidence = 0, han = 0
        ScalarText.forEachScalarValue(in: text) { v in
            if v >= 0x3400 && v <= 0x9FFF { han &+= 1 }
            if TraditionalEvidence.contains(v) { evidence &+= 1 }
        }
        return ScriptConverter.isTraditional(evidence: evidence, han: han)
    }

    /// `text` in simplified characters when it is traditional; otherwise the same string.
    public func convert(_ text: String) -> String {
        guard isTraditional(text) else { return text }
        return ScalarText.string(convertedScalars(ScalarText.scalars(of: text)))
    }

    /// The converted scalars of `scalars`.
    func convertedScalars(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            guard startsKey(v) else {
                output.append(scalars[i])
                i += 1
                continue
            }
            if let replacement = simpleReplacement(v) {
                output.append(replacement)
                i += 1
            } else if let entry = match(in: scalars, at: i) {
                output.append(contentsOf: entry.value)
                i += 1 + entry.tail.count
            } else {
                output.append(scalars[i])
                i += 1
            }
        }
        return output
    }

    /// The converted scalars of `scalars` and, for each, the offset in `scalars` where the
    /// piece it came from starts (a phrase's replacement all points at the phrase's start).
    func convertedScalarsWithOrigins(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], origins: [Int]) {
        var output: [Unicode.Scalar] = []
        var origins: [Int] = []
        output.reserveCapacity(scalars.count)
        origins.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if startsKey(scalars[i].value), let replacement = simpleReplacement(scalars[i].value) {
                output.append(replacement)
                origins.append(i)
                i += 1
            } else if startsKey(scalars[i].value), let entry = match(in: scalars, at: i) {
                output.append(contentsOf: entry.value)
                origins.append(contentsOf: repeatElement(i, count: entry.value.count))
                i += 1 + entry.tail.count
            } else {
                output.append(scalars[i])
                origins.append(i)
                i += 1
            }
        }
        return (output, origins)
    }
}
