/// The text that features (topic labels, keywords, summary sentence vectors) are computed
/// from: traditional characters converted to simplified (``ScriptConverter``), emoji,
/// pictographs and private-use characters dropped (``SymbolFilter``), and web-page
/// furniture lines removed (``WebFurniture``).
///
/// Clean simplified text, the common case, is scanned once against a bitmap of the
/// characters that can need work and comes back as the same string.
public enum FeatureText {
    /// `text` prepared for features; `converting: false` keeps its characters as they are
    /// (furniture and dropped symbols are still removed).
    public static func prepare(_ text: String, converting: Bool = true) -> String {
        let needs = scan(text, converting: converting)
        var result = text
        if needs.converts || needs.drops {
            var scalars = ScalarText.scalars(of: text)
            if needs.converts { scalars = ScriptConverter.traditionalToSimplified.convertedScalars(scalars) }
            if needs.drops { scalars.removeAll { SymbolFilter.isDropped($0.value) } }
            result = ScalarText.string(scalars)
        }
        if needs.lines { result = WebFurniture.strip(result) }
        return result
    }

    /// Bit `v` set when BMP scalar `v` needs a second look: it is evidence of traditional
    /// text (``TraditionalEvidence``, so simplified text never compiles the conversion
    /// table), or it is dropped.
    static let attention: [UInt64] = {
        var bits = [UInt64](TraditionalEvidence.bits.prefix(0x10000 / 64))
        for v in SymbolFilter.droppedBMP { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        return bits
    }()

    /// One pass over the UTF-8 of `text`: whether it needs converting (it is traditional
    /// and `converting` is on) or has characters to drop, and whether it has line breaks.
    static func scan(_ text: String, converting: Bool) -> (converts: Bool, drops: Bool, lines: Bool) {
        let attention = FeatureText.attention
        let evidenceBits = TraditionalEvidence.bits
        let result: (Bool, Bool, Bool)? = text.utf8.withContiguousStorageIfAvailable { bytes in
            attention.withUnsafeBufferPointer { bits in
                var evidence = 0, han = 0
                var dropped = false, lines = false
                let count = bytes.count
                var i = 0
                while i < count {
                    let lead = UInt32(bytes[i])
                    let value: UInt32
                    if lead < 0x80 {
                        i &+= 1
                        if lead == 0x0A { lines = true }
                        continue
                    } else if lead < 0xE0 {
                        i &+= 2
                        continue  // Latin, Greek, Cyrillic…: never converted or dropped
                    } else if lead < 0xF0 {
                        guard i &+ 2 < count else { break }
                        value = (lead & 0x0F) << 12 | (UInt32(bytes[i &+ 1]) & 0x3F) << 6 | (UInt32(bytes[i &+ 2]) & 0x3F)
                        i &+= 3
                    } else {
                        // Outside the BMP: rare ideographs and emoji; let the full path decide.
                        guard i &+ 3 < count else { break }
                        value = (lead & 0x07) << 18 | (UInt32(bytes[i &+ 1]) & 0x3F) << 12
                            | (UInt32(bytes[i &+ 2]) & 0x3F) << 6 | (UInt32(bytes[i &+ 3]) & 0x3F)
                        i &+= 4
                        if SymbolFilter.isDropped(value) { dropped = true }
                        if value < ScriptConverter.bitmapLimit, evidenceBits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 {
                            evidence &+= 1
                        }
                        continue
                    }
                    if value &- 0x3400 <= 0x9FFF &- 0x3400 { han &+= 1 }
                    if bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 {
                        if evidenceBits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 {
                            evidence &+= 1
                        } else {
                            dropped = true
                        }
                    }
                }
                let converts = converting && ScriptConverter.isTraditional(evidence: evidence, han: han)
                return (converts, dropped, lines)
            }
        }
        if let result { return result }
        // Non-contiguous strings (bridged, never from our readers): the full path.
        return (converting && ScriptConverter.traditionalToSimplified.isTraditional(text), true, text.contains("\n"))
    }
}
