/// One article found on a page.
public struct PageArticle: Sendable, Equatable {
    /// The article's title as found on the page (empty when none was found).
    public var title: String
    /// The article's reflowed text (body paragraphs, section headings and captions, one
    /// block per line; the title and bylines are left out).
    public var text: String
    /// 1-based inclusive line ranges into the page, in page order.
    public var lines: [ClosedRange<Int>]

    /// Creates an article record.
    public init(title: String, text: String, lines: [ClosedRange<Int>]) {
        self.title = title
        self.text = text
        self.lines = lines
    }
}

/// Cuts a newspaper page into its articles.
///
/// The page is reflowed into blocks first. A new article starts at a title group that reads
/// as an article title (a byline `◎ …` or a lone name line, a `——` subtitle, a `#`/`##`
/// markdown title, a `地名：` first line, a multi-line column title, a following `本报讯`
/// dateline, or a title that interrupts a sentence), at a continuation mark `（上接…版）`, at
/// an untitled `本报讯` paragraph, and at a photo caption (a paragraph with a `…摄` credit),
/// which is an article of its own. Single short headings, `■` and `###` headings are section
/// headings inside the current article.
///
/// OCR sometimes prints a title away from its text: after the body, above a continued
/// article, or in the middle of another article's sentence. Such a title is attached to the
/// passage it shares the most rare character pairs with, and an article starts there; a
/// lead printed under the wrong title moves to the title it matches.
public enum PageSplitter: Sendable {
    /// The articles on `page`, in page order.
    public static func articles(in page: String) -> [PageArticle] {
        let blocks = Reflow.analyze(page)
        guard !blocks.isEmpty else { return [] }
        var assembler = ArticleAssembler(blocks: blocks)
        return assembler.assemble()
    }
}
