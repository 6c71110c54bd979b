/// The one JSON writer of DocSift's output records (``LabeledDocument``, the HTTP replies,
/// the C interface's results, the CLI's metrics): a JSON value whose object members keep
/// the order they were written in, and its compact UTF-8 text.
///
/// Numbers are rounded to six decimals and written in plain decimal notation without
/// trailing zeros (`0.000001`, never `1e-06`); non-finite numbers are `null`. Strings escape
/// quotes, backslashes and control characters (`\n`, `\r`, `\t`, else `\u00XX`); everything
/// else is copied as UTF-8. So the same record gives the same bytes everywhere.
package enum RecordJSON: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([RecordJSON])
    case object([(String, RecordJSON)])

    package static func == (lhs: RecordJSON, rhs: RecordJSON) -> Bool { lhs.utf8 == rhs.utf8 }

    /// Compact JSON text.
    package var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Compact JSON text as UTF-8 bytes.
    package var utf8: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out)
        return out
    }

    /// Appends the compact JSON text to `out`.
    package func write(to out: inout [UInt8]) {
        switch self {
        case .string(let s): RecordJSON.writeString(s, to: &out)
        case .number(let d): RecordJSON.writeNumber(d, to: &out)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (k, (key, value)) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                RecordJSON.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `d` rounded to six decimals, as written (`nil` when not finite).
    package static func rounded(_ d: Double) -> Double? {
        d.isFinite ? (d * 1_000_000).rounded() / 1_000_000 : nil
    }

    /// A number rounded to six decimals in plain decimal notation without trailing zeros;
    /// non-finite numbers are `null`.
    static func writeNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let millionths = (d * 1_000_000).rounded()
        guard abs(millionths) < 1e15 else {
            out.append(contentsOf: String(millionths / 1_000_000).utf8)
            return
        }
        var units = Int64(millionths)
        if units < 0 {
            out.append(UInt8(ascii: "-"))
            units = -units
        }
        out.append(contentsOf: String(units / 1_000_000).utf8)
        var fraction = units % 1_000_000
        guard fraction != 0 else { return }
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.append(UInt8(ascii: "."))
        var divisor: Int64 = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// A JSON string: runs of plain bytes copied at once; quotes, backslashes and control
    /// characters escaped. (Copying runs from the string's contiguous UTF-8 costs what the
    /// CLI's writer cost; walking `String.UTF8View` indices cost 3.4× as many instructions.)
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = bytes.startIndex
            for k in bytes.indices where needsEscape(bytes[k]) {
                out.append(contentsOf: bytes[runStart..<k])
                runStart = k + 1
                escape(bytes[k], to: &out)
            }
            out.append(contentsOf: bytes[runStart...])
        }
        if copied == nil {
            for byte in s.utf8 {
                if needsEscape(byte) { escape(byte, to: &out) } else { out.append(byte) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case 0x0A: out.append(contentsOf: #"\n"#.utf8)
        case 0x0D: out.append(contentsOf: #"\r"#.utf8)
        case 0x09: out.append(contentsOf: #"\t"#.utf8)
        default:
            out.append(contentsOf: #"\u00"#.utf8)
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

extension RecordJSON: Encodable {
    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The same value through any `Encoder`: members in order, numbers rounded as written.
    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: MemberKey.self)
            for (key, value) in members { try container.encode(value, forKey: MemberKey(stringValue: key)) }
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .string(let s):
            var container = encoder.singleValueContainer()
            try container.encode(s)
        case .number(let d):
            var container = encoder.singleValueContainer()
            if let value = RecordJSON.rounded(d) { try container.encode(value) } else { try container.encodeNil() }
        case .integer(let i):
            var container = encoder.singleValueContainer()
            try container.encode(i)
        case .bool(let b):
            var container = encoder.singleValueContainer()
            try container.encode(b)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}
