/// Markdown and bullet marks at the start of a line.
enum LineMarks {
    /// Where the text after leading heading marks starts, and the markdown level found
    /// (number of `#`, 0 when none). `■`-style bullets right after the marks are skipped too.
    static func headingMarkerPrefix(_ scalars: [Unicode.Scalar]) -> (start: Int, level: Int, bullet: Bool) {
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        var level = 0
        while index < scalars.count, scalars[index] == "#", level < 7 {
            level += 1
            index += 1
        }
        if level > 6 { return (0, 0, false) }
        if level > 0 {
            // "#标题" without a space is accepted: OCR output drops spaces.
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }
        var bulletSeen = false
        while index < scalars.count, isHeadingBullet(scalars[index]) {
            bulletSeen = true
            index += 1
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }
        if level == 0 && !bulletSeen { return (0, 0, false) }
        return (index, level, bulletSeen)
    }

    /// Bullets that mark section headings in the OCR output.
    static func isHeadingBullet(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x25A0, 0x25A1, 0x25C6, 0x25C7, 0x25CF, 0x2605, 0x2606: return true  // ■□◆◇●★☆
        default: return false
        }
    }
}
