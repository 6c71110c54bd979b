/// One article found on a page.
public struct PageArticle: Sendable, Equatable {
    /// The article's title as found on the page (empty when none was found).
    public var title: String
    /// The article's reflowed text.
    public var text: String
    /// 1-based inclusive line ranges into the page.
    public var lines: [ClosedRange<Int>]

    /// Creates an article record.
    public init(title: String, text: String, lines: [ClosedRange<Int>]) {
        self.title = title
        self.text = text
        self.lines = lines
    }
}

/// Cuts a newspaper page into its articles.
public enum PageSplitter {
    /// The articles on `page`, in page order.
    public static func articles(in page: String) -> [PageArticle] {
        let blocks = Reflow.blocks(of: page)
        guard let first = blocks.first, let last = blocks.last else { return [] }
        return [PageArticle(title: "", text: blocks.map(\.text).joined(separator: "\n"),
                            lines: [first.lines.lowerBound...last.lines.upperBound])]
    }
}
