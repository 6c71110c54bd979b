/// What a block of reflowed text is.
public enum BlockKind: String, Sendable, Codable, Equatable {
    /// A title, subtitle or section heading.
    case heading
    /// An author line such as `◎ 杨澜` or a lone name.
    case byline
    /// A photo caption (often ending in `…摄`).
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
