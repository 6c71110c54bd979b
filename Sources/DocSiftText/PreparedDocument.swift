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

    /// Prepares `text`: normalization, reflow, sentence splitting. Body sentences come from
    /// the paragraph blocks; a text made only of a photo caption (no paragraph) uses the
    /// caption as its body, without the `…摄` credit.
    public init(text: String) {
        let merged = Reflow.mergedScalars(Reflow.analyze(text))
        blocks = merged.map { TextBlock(kind: $0.kind, text: ScalarText.string($0.scalars), lines: $0.lines) }
        var sentences: [Sentence] = []
        let bodyKind: BlockKind = merged.contains { $0.kind == .paragraph } ? .paragraph : .caption
        for (blockIndex, block) in merged.enumerated() where block.kind == bodyKind {
            // Sentences are cut out of the block's string (scalar offsets walked once).
            let view = blocks[blockIndex].text.unicodeScalars
            var index = view.startIndex
            var offset = 0
            for range in SentenceSplitter.ranges(in: block.scalars) {
                while offset < range.lowerBound, index < view.endIndex {
                    view.formIndex(after: &index)
                    offset += 1
                }
                let start = index
                while offset < range.upperBound, index < view.endIndex {
                    view.formIndex(after: &index)
                    offset += 1
                }
                sentences.append(Sentence(text: String(view[start..<index]), blockIndex: blockIndex, index: sentences.count))
            }
        }
        self.sentences = sentences
    }

    /// The headings of the document, in order.
    public var headings: [String] { blocks.filter { $0.kind == .heading }.map(\.text) }

    /// The body text: paragraph blocks joined by newlines (the caption for a caption-only text).
    public var bodyText: String {
        let bodyKind: BlockKind = blocks.contains { $0.kind == .paragraph } ? .paragraph : .caption
        return blocks.filter { $0.kind == bodyKind }.map(\.text).joined(separator: "\n")
    }
}
