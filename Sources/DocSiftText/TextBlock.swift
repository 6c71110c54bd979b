/// What a block of reflowed text is.
public enum BlockKind: String, Sendable, Codable, Equatable {
    /// A title, subtitle or section heading (also editorial marks such as `（上接B1版）`).
    case heading
    /// An author line such as `◎ 杨澜` or a lone name, or a photo credit such as `孙凯芳 摄`.
    case byline
    /// A photo caption: the text of a photo whose credit (`…摄`) follows, or that describes
    /// the photo (`图为…`). The credit itself is a separate `.byline` block.
    case caption
    /// Body text: whole sentences.
    case paragraph
}

/// One block of reflowed text with the page lines it came from.
public struct TextBlock: Sendable, Equatable {
    /// What the block is.
    public var kind: BlockKind
    /// The reflowed text, with column breaks and stray blank lines removed.
    public var text: String
    /// 1-based inclusive line numbers of the input that the block spans.
    public var lines: ClosedRange<Int>

    /// Creates a block.
    public init(kind: BlockKind, text: String, lines: ClosedRange<Int>) {
        self.kind = kind
        self.text = text
        self.lines = lines
    }
}
