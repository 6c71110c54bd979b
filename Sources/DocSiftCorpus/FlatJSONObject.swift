/// A parser for a JSONL record — one JSON object — that reads the line's bytes once, without
/// a general JSON tree, and keeps numbers as the text they were written as (an id such as
/// `1234567890123456789` stays exactly that, where a `Double` would round it).
///
/// Members whose value is an object or array are checked (iteratively, so any depth is
/// safe) and kept only as ``Value/composite``. Anything that is not one well-formed object
/// (malformed JSON, invalid UTF-8, a repeated key) makes it answer `nil`; the caller then
/// names the problem.
enum FlatJSONObject {
    /// One member value.
    enum Value: Equatable {
        case string(String)
        /// A number, as its literal text (`-12`, `3.5`, `1e9`).
        case number(String)
        case bool(Bool)
        case null
        /// An object or array (well-formed, not kept).
        case composite
    }

    /// The members of `line` in order, or `nil` when the line is not one well-formed object.
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
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return string().map(Value.string)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return skipComposite() ? .composite : nil
            case UInt8(ascii: "t"): return word("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return word("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return word("null") ? .null : nil
            default: return number().map(Value.number)
            }
        }

        mutating func word(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for k in 0..<count where bytes[position + k] != text.utf8Start[k] { return false }
            position += count
            return true
        }

        /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as written.
        mutating func number() -> String? {
            let start = position
            _ = take(UInt8(ascii: "-"))
            let integerStart = position
            guard digits() > 0, !(position - integerStart > 1 && bytes[integerStart] == 0x30) else { return nil }
            if take(UInt8(ascii: ".")) { guard digits() > 0 else { return nil } }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                guard digits() > 0 else { return nil }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }

        mutating func digits() -> Int {
            let start = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return position - start
        }

        /// Checks one object or array starting at `position` and moves past it; a stack of
        /// expected closing brackets instead of recursion.
        mutating func skipComposite() -> Bool {
            var closers: [UInt8] = []
            var needValue = true
            while true {
                skipWhiteSpace()
                if needValue {
                    guard position < bytes.count else { return false }
                    switch bytes[position] {
                    case UInt8(ascii: "{"):
                        position += 1
                        skipWhiteSpace()
                        if take(UInt8(ascii: "}")) { needValue = false; break }
                        closers.append(UInt8(ascii: "}"))
                        guard memberKey() else { return false }
                        continue
                    case UInt8(ascii: "["):
                        position += 1
                        skipWhiteSpace()
                        if take(UInt8(ascii: "]")) { needValue = false; break }
                        closers.append(UInt8(ascii: "]"))
                        continue
                    default:
                        guard let scalar = value(), scalar != .composite else { return false }
                    }
                    needValue = false
                    continue
                }
                guard let closer = closers.last else { return true }
                if take(UInt8(ascii: ",")) {
                    if closer == UInt8(ascii: "}") {
                        skipWhiteSpace()
                        guard memberKey() else { return false }
                    }
                    needValue = true
                } else if take(closer) {
                    closers.removeLast()
                } else {
                    return false
                }
            }
        }

        /// `"key" :` inside a nested object.
        mutating func memberKey() -> Bool {
            guard take(UInt8(ascii: "\"")), string() != nil else { return false }
            skipWhiteSpace()
            return take(UInt8(ascii: ":"))
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
