#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of a scraped web page that are not the article: navigation and `|` menus,
/// bylines and editor credits, share/print/font-size widgets, image file names and photo
/// credits, copyright lines, 上一篇/下一篇 links, view counters, and dates standing alone.
///
/// Decisions are per line and conservative: a line is furniture only when it is short
/// (or a menu made of short items) and matches one of the patterns; a line that reads as a
/// sentence of the article (it ends in 。！？ or is long) is kept. Patterns are written in
/// simplified characters, so run it on converted text (``FeatureText`` does).
public enum WebFurniture {
    /// Lines longer than this (in characters) are never furniture, except `|` menus.
    static let maximumLength = 80

    /// `text` without its furniture lines; the same string when there are none.
    public static func strip(_ text: String) -> String {
        var kept: [Substring] = []
        var removed = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        kept.reserveCapacity(lines.count)
        for line in lines {
            if isFurniture(line) { removed = true } else { kept.append(line) }
        }
        return removed ? kept.joined(separator: "\n") : text
    }

    /// Whether one line (without its line break) is page furniture.
    public static func isFurniture(_ line: Substring) -> Bool {
        // Cheap exit for article paragraphs: long lines without a menu bar.
        if line.utf8.count > 3 * maximumLength, !line.utf8.contains(UInt8(ascii: "|")), !line.contains("｜") {
            return false
        }
        let scalars = TextNormalizer.normalizeLine(Array(line.unicodeScalars))
        guard !scalars.isEmpty else { return false }
        let text = ScalarText.string(scalars)
        if isMenu(scalars) { return true }
        guard scalars.count <= maximumLength else { return false }
        let compact = String(String.UnicodeScalarView(scalars.filter { $0 != " " }))
        let plain = scalars.allSatisfy(isPlain)
        if isImageReference(compact, plain: plain) || isDateAlone(scalars) { return true }
        if Phrases.prefixes.contains(where: { hasPrefix(compact, $0, plain: plain) }) { return true }
        if Phrases.copyright.contains(where: { contains(compact, $0, plain: plain) }) { return true }
        let lower = text.lowercased()
        if Phrases.english.contains(where: { contains(lower, $0, plain: plain) }) { return true }
        if !CharacterClasses.endsSentence(scalars[...]), Phrases.words.contains(where: { contains(compact, $0, plain: plain) }) {
            return true
        }
        if isWidgetRow(compact) { return true }
        return false
    }

    /// Line openings that only page furniture has: editor credits, web bylines, navigation,
    /// neighbour links, widgets, counters.
    static let furniturePrefixes: [String] = [
        "责任编辑", "责编", "编辑:", "编辑：", "编辑/", "审核:", "审核：", "校对:", "校对：", "初审", "终审",
        "来源:", "来源：", "作者:", "作者：", "稿源:", "稿源：", "发布时间", "发布日期", "发布者", "更新时间", "时间:", "时间：",
        "上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "返回顶部", "返回首页", "返回列表", "返回目录",
        "当前位置", "您的位置", "你的位置", "所在位置", "位置:", "位置：", "首页>", "首页»", "首页›", "首页/",
        "分享到", "分享:", "分享：", "扫一扫", "扫码", "【打印", "【关闭", "【字体", "【字号", "[打印", "[关闭", "[字体",
        "打印本页", "打印文章", "关闭窗口", "关闭本页", "字体:", "字体：", "字号:", "字号：", "点击数", "点击量", "浏览次数",
        "浏览量", "阅读量", "阅读数", "访问量", "相关阅读", "相关新闻", "相关文章", "推荐阅读", "热点推荐", "延伸阅读",
        "图片来源", "图片来自", "(图片来源", "(图片来自", "（图片来源", "（图片来自", "图片:", "图片：",
        "(原标题", "（原标题", "原标题:", "原标题：", "▲", "△", "主办单位", "承办单位", "技术支持:", "技术支持：",
    ]

    /// Copyright and licence notices: furniture in any short line.
    static let copyrightWords: [String] = [
        "版权所有", "版权声明", "未经授权", "未经协议授权", "未经许可", "禁止转载", "不得转载", "转载请注明", "禁止下载",
        "©", "ICP备", "ICP证", "公网安备",
    ]

    /// Words that mark a short line that is not a sentence as furniture wherever they stand:
    /// credits, source and counter fields, widgets.
    static let furnitureWords: [String] = [
        "责任编辑", "【打印】", "【关闭】", "【收藏】", "大中小", "字号:大", "字号：大",
        "来源:", "来源：", "作者:", "作者：", "浏览次数", "点击数", "阅读数", "发布时间",
    ]

    /// Whether a line is a row of share/print/font widgets: several short items that are all
    /// widget words (分享 微信 微博 QQ空间 打印 收藏 …).
    static func isWidgetRow(_ compact: String) -> Bool {
        var rest = Substring(compact)
        var items = 0
        while !rest.isEmpty {
            guard let word = widgetWords.first(where: { rest.hasPrefix($0) }) else {
                // Brackets and separators between widget words.
                guard let first = rest.unicodeScalars.first, "【】[]()（）:：、,，/·|-".unicodeScalars.contains(first) else {
                    return false
                }
                rest = rest.dropFirst()
                continue
            }
            rest = rest.dropFirst(word.count)
            items += 1
        }
        return items >= 2
    }

    static let widgetWords: [String] = [
        "分享到", "分享", "微信朋友圈", "朋友圈", "微信", "微博", "QQ空间", "QQ好友", "QQ", "豆瓣", "人人网", "腾讯微博",
        "新浪微博", "打印", "关闭", "收藏", "点赞", "评论", "转发", "复制链接", "字体", "字号", "大", "中", "小",
        "默认", "放大", "缩小", "更多", "扫一扫",
    ]

    /// Whether `compact` names an image file or is a file name (`IMG_0012.JPG`, `xxx.png`).
    static func isImageReference(_ compact: String, plain: Bool = false) -> Bool {
        let lower = compact.lowercased()
        return Phrases.imageExtensions.contains { contains(lower, $0, plain: plain) }
    }

    /// A phrase searched for in lines, and whether it is plain (every scalar, see ``isPlain(_:)``).
    struct Phrase {
        let text: String
        let isPlain: Bool

        init(_ text: String) {
            self.text = text
            self.isPlain = text.unicodeScalars.allSatisfy(WebFurniture.isPlain)
        }
    }

    /// The phrase lists, each phrase's plainness found once.
    enum Phrases {
        static let prefixes = WebFurniture.furniturePrefixes.map(Phrase.init)
        static let copyright = WebFurniture.copyrightWords.map(Phrase.init)
        static let words = WebFurniture.furnitureWords.map(Phrase.init)
        static let english = ["copyright", "all rights reserved"].map(Phrase.init)
        static let imageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif"].map(Phrase.init)
    }

    /// A scalar that is a whole character by itself (it never joins its neighbours into one
    /// grapheme) and has no canonical decomposition: CJK ideographs, printable ASCII, Latin-1
    /// signs, general punctuation (“”‘’—…), box drawing and geometric shapes (◎■▲), CJK
    /// punctuation (not the combining tone marks U+302A–302F), full-width forms. In text made
    /// only of these, characters are equal exactly when their bytes are.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0xFF01...0xFF5E, 0x2010...0x2027,
             0x2030...0x205E, 0x2500...0x25FF, 0xA1...0xAC, 0xAE...0xBF, 0x3400...0x4DBF:
            return true
        default:
            return false
        }
    }

    /// `text.contains(phrase.text)`, by a byte search when both are plain (`plain`: every
    /// scalar of `text` is, see ``isPlain(_:)``), where it gives the same answer; the generic
    /// string search costs microseconds per phrase, and every short line tries dozens.
    static func contains(_ text: String, _ phrase: Phrase, plain: Bool) -> Bool {
        guard plain, phrase.isPlain else { return text.contains(phrase.text) }
        let found = text.utf8.withContiguousStorageIfAvailable { haystack in
            phrase.text.utf8.withContiguousStorageIfAvailable { needle in bytes(haystack, contain: needle, at: nil) }
        }
        return (found ?? nil) ?? text.contains(phrase.text)
    }

    /// `text.hasPrefix(phrase.text)`, by bytes when both are plain (see ``contains(_:_:plain:)``).
    static func hasPrefix(_ text: String, _ phrase: Phrase, plain: Bool) -> Bool {
        guard plain, phrase.isPlain else { return text.hasPrefix(phrase.text) }
        let found = text.utf8.withContiguousStorageIfAvailable { haystack in
            phrase.text.utf8.withContiguousStorageIfAvailable { needle in bytes(haystack, contain: needle, at: 0) }
        }
        return (found ?? nil) ?? text.hasPrefix(phrase.text)
    }

    /// Whether `needle` occurs in `haystack` (at byte `offset`, or anywhere when `nil`):
    /// libc's memchr and memcmp, checked against both lengths.
    private static func bytes(_ haystack: UnsafeBufferPointer<UInt8>, contain needle: UnsafeBufferPointer<UInt8>,
                              at offset: Int?) -> Bool {
        guard let wanted = needle.baseAddress, let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        if let offset { return offset + needle.count <= haystack.count && memcmp(base + offset, wanted, needle.count) == 0 }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, wanted, needle.count) == 0 { return true }
            start = position + 1
        }
        return false
    }

    /// A `|`-separated menu: two or more bars, short items, no sentence punctuation.
    static func isMenu(_ scalars: [Unicode.Scalar]) -> Bool {
        var bars = 0, letters = 0
        for s in scalars {
            if s == "|" || s == "｜" || s == "¦" || s == "┆" || s == "│" {
                bars += 1
            } else if s == "。" || s == "，" {
                return false
            } else if s != " " {
                letters += 1
            }
        }
        return bars >= 2 && letters <= 12 * (bars + 1)
    }

    /// A line that is only a date and maybe a time, weekday or `来源` word:
    /// `2024-03-05 10:21`, `2024年3月5日 星期二`, `2024/03/05`.
    static func isDateAlone(_ scalars: [Unicode.Scalar]) -> Bool {
        var digits = 0, separators = 0, others = 0
        for s in scalars {
            if ("0"..."9").contains(s) { digits += 1 }
            else if dateSeparators.contains(s) { separators += 1 }
            else if weekdayScalars.contains(s) { continue }
            else { others += 1 }
        }
        return others == 0 && digits >= 6 && separators >= 2
    }

    private static let dateSeparators: [Unicode.Scalar] = ["年", "月", "日", "-", "/", ".", ":", " ", "时", "分"]
    private static let weekdayScalars: Set<Unicode.Scalar> = ["星", "期", "周", "一", "二", "三", "四", "五", "六", "日", "天"]
}
