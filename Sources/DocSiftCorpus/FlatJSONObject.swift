/// A parser for the common shape of a JSONL record — one object whose values are strings
/// or integers — that reads the line's bytes once, without a general JSON tree.
///
/// Anything outside that shape (nested values, `true`/`false`/`null`, fractions, exponents,
/// repeated keys, invalid UTF-8 or malformed JSON) makes it answer `nil`, and the caller
/// falls back to a full JSON parser, which gives the same fields or names the error. So
/// the fast path never changes what a record means; it only skips the slow path for the
/// records bulk labeling actually sees.
enum FlatJSONObject {
    /// One value of a flat record.
    enum Value: Equatable {
        case string(String)
        case integer(Int)
    }

    /// The members of `line` in order, or `nil` when the line is not a flat object.
    static func parse(_ line: [UInt8]) -> [(key: String, value: Value)]? {
        line.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func object() -> [(key: String, value: Value)]? {
            skipWhiteSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [(key: String, value: Value)] = []
            var keys = Set<String>()
            skipWhiteSpace()
            if take(UInt8(ascii: "}")) { return finish(members) }
            while true {
                skipWhiteSpace()
                guard take(UInt8(ascii: "\"")), let key = string(), keys.insert(key).inserted else { return nil }
                skipWhiteSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhiteSpace()
                guard let value = value() else { return nil }
                members.append((key, value))
                skipWhiteSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                return finish(members)
            }
        }

        /// Only white space may follow the object.
        mutating func finish(_ members: [(key: String, value: Value)]) -> [(key: String, value: Value)]? {
            skipWhiteSpace()
            return position == bytes.count ? members : nil
        }

        mutating func value() -> Value? {
            guard position < bytes.count else { return nil }
            if take(UInt8(ascii: "\"")) { return string().map(Value.string) }
            return integer().map(Value.integer)
        }

        /// `-?(0|[1-9][0-9]*)` of at most 15 digits (exact as a double, as the full parser
        /// would read it), ending where the number ends.
        mutating func integer() -> Int? {
            var negative = false
            if take(UInt8(ascii: "-")) { negative = true }
            let start = position
            var value = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
                if position - start > 15 { return nil }
            }
            let digits = position - start
            guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { return nil }
            if position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
                default: break
                }
            }
            return negative ? -value : value
        }

        /// The rest of a string after its opening quote, escapes decoded; `nil` for control
        /// characters, bad escapes, lone surrogates or invalid UTF-8.
        mutating func string() -> String? {
            let start = position
            // Common case: no escapes, one validated copy.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { return nil }
                position += 1
            }
            guard position < bytes.count else { return nil }
            var decoded = Array(bytes[start..<position])
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: decoded, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                    case UInt8(ascii: "b"): decoded.append(0x08)
                    case UInt8(ascii: "f"): decoded.append(0x0C)
                    case UInt8(ascii: "n"): decoded.append(0x0A)
                    case UInt8(ascii: "r"): decoded.append(0x0D)
                    case UInt8(ascii: "t"): decoded.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        decoded.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    if byte < 0x20 { return nil }
                    decoded.append(byte)
                }
            }
            return nil
        }

        /// The scalar of `XXXX` after `\u` (a surrogate pair takes a second `\uXXXX`).
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            if high < 0xD800 || high > 0xDFFF { return Unicode.Scalar(high) }
            guard high <= 0xDBFF, take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                  low >= 0xDC00, low <= 0xDFFF else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }

        mutating func hex4() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                position += 1
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func skipWhiteSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }
    }
}
