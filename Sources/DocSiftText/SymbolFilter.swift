/// Characters that carry no topic and split n-gram runs when left in: emoji and
/// pictographs, their modifiers and joiners, and private-use characters (icon fonts).
public enum SymbolFilter {
    /// Whether scalar value `v` is dropped from feature text.
    @inline(__always)
    public static func isDropped(_ v: UInt32) -> Bool {
        if v < 0x2000 { return false }
        if v >= 0x1F000 && v <= 0x1FAFF { return true }  // emoji, pictographs, playing cards, mahjong
        if v >= 0xE000 && v <= 0xF8FF { return true }  // private use
        if v >= 0xF0000 { return true }  // supplementary private use
        if v >= 0xE0000 && v <= 0xE007F { return true }  // emoji tag sequences
        if v >= 0xFE00 && v <= 0xFE0F { return true }  // variation selectors
        if v == 0x200D || v == 0x20E3 { return true }  // zero-width joiner, keycap
        if v >= 0x2600 && v <= 0x27BF || v >= 0x2B00 && v <= 0x2BFF {
            // Miscellaneous symbols and dingbats drawn as emoji (☀ ✅ ❤ ⭐), not ★ or ✓ marks.
            return Unicode.Scalar(v)?.properties.isEmojiPresentation == true
                || Unicode.Scalar(v)?.properties.isEmoji == true && !(0x2605...0x2606).contains(v) && v != 0x2713
        }
        return false
    }

    /// The BMP ranges ``isDropped(_:)`` can accept (it decides within them).
    static let candidateBMPRanges: [ClosedRange<UInt32>] = [
        0x200D...0x200D, 0x20E3...0x20E3, 0x2600...0x27BF, 0x2B00...0x2BFF, 0xE000...0xF8FF, 0xFE00...0xFE0F,
    ]

    /// The BMP scalar values ``isDropped(_:)`` accepts, ascending (from the candidate
    /// ranges: 7,400 values to test instead of 57,000).
    static let droppedBMP: [UInt32] = candidateBMPRanges.flatMap { $0.filter(isDropped) }
}
