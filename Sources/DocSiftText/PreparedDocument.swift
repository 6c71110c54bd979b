/// A sentence of body text and where it stands.
public struct Sentence: Sendable, Equatable {
    /// The sentence text, closing punctuation included.
    public var text: String
    /// Index of the block it came from in ``PreparedDocument/blocks``.
    public var blockIndex: Int
    /// Index among all body sentences of the document (0 = lead sentence).
    public var index: Int

    /// Creates a sentence record.
    public init(text: String, blockIndex: Int, index: Int) {
        self.text = text
        self.blockIndex = blockIndex
        self.index = index
    }
}

/// A document after text preparation: reflowed blocks and the body's sentences.
public struct PreparedDocument: Sendable, Equatable {
    /// Reflowed blocks in reading order.
    public var blocks: [TextBlock]
    /// Sentences of the paragraph blocks, in order.
    public var sentences: [Sentence]

    /// Prepares `text`: normalization, reflow, sentence splitting.
    public init(text: String) {
        blocks = Reflow.blocks(of: text)
        var sentences: [Sentence] = []
        for (blockIndex, block) in blocks.enumerated() where block.kind == .paragraph {
            for sentence in SentenceSplitter.sentences(in: block.text) {
                sentences.append(Sentence(text: sentence, blockIndex: blockIndex, index: sentences.count))
            }
        }
        self.sentences = sentences
    }

    /// The headings of the document, in order.
    public var headings: [String] { blocks.filter { $0.kind == .heading }.map(\.text) }

    /// The body text: paragraph blocks joined by newlines.
    public var bodyText: String { blocks.filter { $0.kind == .paragraph }.map(\.text).joined(separator: "\n") }
}
