import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decoding file bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030
/// (which covers GBK and GB2312) and Big5, the encodings Chinese text arrives in.
///
/// Big5 and GB18030 share most byte ranges, so many Big5 files are also valid GB18030 (and
/// decode to nonsense). A file is read as Big5 when it is valid Big5 and fewer than 90 % of
/// its two-byte characters lie in the GB2312 range (both bytes 0xA1–0xFE), where simplified
/// Chinese text in GBK almost always lies and traditional text in Big5 does not.
public enum TextDecoding {
    /// The detected encoding of a byte buffer.
    public enum Encoding: String, Sendable {
        case utf8, utf16LittleEndian, utf16BigEndian, gb18030, big5
    }

    /// Strict UTF-8 decoding (a leading BOM dropped); `nil` when the bytes are not valid UTF-8.
    public static func decodeUTF8<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(validating: bytes.dropFirst(3), as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Decodes a whole file's bytes, detecting the encoding. Returns `nil` for binary data
    /// (NUL bytes or bytes valid in no supported encoding).
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let data = Data(bytes.dropFirst(2))
            guard let text = String(data: data, encoding: little ? .utf16LittleEndian : .utf16BigEndian) else { return nil }
            return (text, little ? .utf16LittleEndian : .utf16BigEndian)
        }
        if bytes.contains(0) { return nil }
        if let text = decodeUTF8(bytes) { return (text, .utf8) }
        let gb = decodeGB18030(bytes)
        if gb == nil || gb2312Share(bytes) < 0.9, let utf8 = convert(bytes, from: "BIG5"), let text = decodeUTF8(utf8) {
            return (text, .big5)
        }
        return gb.map { ($0, .gb18030) }
    }

    /// The share of two-byte characters whose bytes are both in 0xA1–0xFE (GB2312's range).
    static func gb2312Share(_ bytes: [UInt8]) -> Double {
        var pairs = 0
        var inRange = 0
        var k = 0
        while k < bytes.count {
            guard bytes[k] >= 0x80, k + 1 < bytes.count else {
                k += 1
                continue
            }
            pairs += 1
            if bytes[k] >= 0xA1 && bytes[k] <= 0xFE && bytes[k + 1] >= 0xA1 && bytes[k + 1] <= 0xFE { inRange += 1 }
            k += 2
        }
        return pairs == 0 ? 1 : Double(inRange) / Double(pairs)
    }

    /// GB18030 decoding through iconv; `nil` when the bytes are not GB18030 text.
    public static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        guard let utf8 = convert(bytes, from: "GB18030"), let text = decodeUTF8(utf8) else { return nil }
        // Reject decodings that are mostly control characters: binary, not text.
        var controls = 0
        var total = 0
        for scalar in text.unicodeScalars {
            total += 1
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t" { controls += 1 }
        }
        return controls * 20 > max(1, total) ? nil : text
    }

    /// Converts `bytes` from `encoding` to UTF-8 with iconv; `nil` on any invalid sequence.
    static func convert(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return output.prefix(produced).map { UInt8(bitPattern: $0) }
    }
}
