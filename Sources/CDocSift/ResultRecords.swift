import DocSift

/// The JSON text of C-interface results, written like `docsift label` / `docsift summarize`
/// records (same keys, same order, scores rounded to six decimals), without `id`.
///
/// The CLI's writer lives in its executable target; until the library owns the output
/// schema, this is the C interface's copy of that format (tests compare it with the CLI's
/// output byte for byte).
enum ResultJSON {
    /// `{"label","scores":{topic:p},"secondary":[…]}`, plus the summary fields when given.
    static func label(_ prediction: TopicPrediction, summary: Summary?) -> String {
        var out = JSONText()
        out.open()
        out.key("label")
        out.string(prediction.label)
        out.key("scores")
        out.open()
        for score in prediction.scores {
            out.key(score.label)
            out.number(Double(score.probability))
        }
        out.close()
        out.key("secondary")
        out.strings(prediction.secondary)
        if let summary { summaryMembers(summary, to: &out) }
        out.close()
        return out.text
    }

    /// `{"summary","sentences":[…],"keywords":[…]}`.
    static func summary(_ summary: Summary) -> String {
        var out = JSONText()
        out.open()
        summaryMembers(summary, to: &out)
        out.close()
        return out.text
    }

    private static func summaryMembers(_ summary: Summary, to out: inout JSONText) {
        out.key("summary")
        out.string(summary.text)
        out.key("sentences")
        out.integers(summary.sentenceIndices)
        out.key("keywords")
        out.strings(summary.keywords.map(\.text))
    }
}

/// Compact JSON written in order: objects, keys, strings, numbers and flat arrays.
struct JSONText {
    private var bytes: [UInt8] = []
    /// Whether the next member or element needs a comma before it.
    private var needsComma = false

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// An object key; the value written next belongs to it.
    mutating func key(_ key: String) {
        separate()
        write(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        write(value)
        needsComma = true
    }

    /// A number rounded to six decimals, in plain decimal notation without trailing zeros
    /// (the CLI's format); non-finite numbers are `null`.
    mutating func number(_ value: Double) {
        separate()
        needsComma = true
        let millionths = (value * 1_000_000).rounded()
        guard value.isFinite, abs(millionths) < 1e15 else {
            bytes.append(contentsOf: (value.isFinite ? String(millionths / 1_000_000) : "null").utf8)
            return
        }
        var units = Int64(millionths)
        if units < 0 {
            bytes.append(UInt8(ascii: "-"))
            units = -units
        }
        bytes.append(contentsOf: String(units / 1_000_000).utf8)
        var fraction = units % 1_000_000
        guard fraction != 0 else { return }
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let decimals = String(fraction)
        bytes.append(UInt8(ascii: "."))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits - decimals.utf8.count))
        bytes.append(contentsOf: decimals.utf8)
    }

    mutating func strings(_ values: [String]) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for value in values { string(value) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func integers(_ values: [Int]) {
        separate()
        bytes.append(UInt8(ascii: "["))
        for (k, value) in values.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: String(value).utf8)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    private mutating func write(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
