/// Rebuilds paragraphs from OCR'd column text.
///
/// Lines of one paragraph are joined, whether the paragraph was broken into narrow column
/// lines or cut by a stray blank line in the middle of a sentence (even of a word). A
/// paragraph ends at a line that ends a sentence and is shorter than the column, or at a
/// blank line after a finished sentence. Headings (titles, `——` subtitles, markdown and `■`
/// section headings, short unpunctuated lines between blank lines), bylines (`◎ …`, lone
/// name lines after a heading), photo credits (`…摄`) and captions stay in blocks of their
/// own. A sentence that a misplaced title interrupts is joined across the title.
public enum Reflow: Sendable {
    /// The blocks of `text`: lines of one paragraph joined, headings, bylines and captions
    /// kept apart. `text` is normalized first; line numbers are those of `text`.
    public static func blocks(of text: String) -> [TextBlock] {
        merge(analyze(text))
    }

    /// Public blocks from analyzed ones: a paragraph that continues a sentence across an
    /// interrupting heading is joined to the paragraph it continues, and the headings
    /// follow the joined paragraph.
    static func merge(_ analyzed: [ReflowBlock]) -> [TextBlock] {
        mergedScalars(analyzed).map { TextBlock(kind: $0.kind, text: ScalarText.string($0.scalars), lines: $0.lines) }
    }

    /// ``merge(_:)`` with the texts left as scalars.
    static func mergedScalars(_ analyzed: [ReflowBlock]) -> [(kind: BlockKind, scalars: [Unicode.Scalar], lines: ClosedRange<Int>)] {
        var result: [(kind: BlockKind, scalars: [Unicode.Scalar], lines: ClosedRange<Int>)] = []
        result.reserveCapacity(analyzed.count)
        var pendingHeadings: [(kind: BlockKind, scalars: [Unicode.Scalar], lines: ClosedRange<Int>)] = []
        var openParagraph: Int?  // index in `result` of the last paragraph, when open
        for block in analyzed {
            let item = (kind: block.kind, scalars: block.scalars, lines: block.firstLine...max(block.firstLine, block.lastLine))
            if block.kind == .paragraph, block.continuesAcrossHeading, let target = openParagraph {
                result[target].scalars.append(contentsOf: block.scalars)
                let lines = result[target].lines
                result[target].lines = lines.lowerBound...max(lines.upperBound, block.lastLine)
                result.append(contentsOf: pendingHeadings)
                pendingHeadings.removeAll()
                openParagraph = block.isOpen ? target : nil
                continue
            }
            let isHeading = block.kind == .heading || block.kind == .byline
            if openParagraph != nil && isHeading {
                pendingHeadings.append(item)
                continue
            }
            result.append(contentsOf: pendingHeadings)
            pendingHeadings.removeAll()
            result.append(item)
            openParagraph = block.kind == .paragraph && block.isOpen ? result.count - 1 : nil
        }
        result.append(contentsOf: pendingHeadings)
        return result
    }

    /// The analyzed blocks of `text`, in input order, with the details page splitting uses.
    static func analyze(_ text: String) -> [ReflowBlock] {
        let lines = LineClassifier.classify(text)
        return ReflowBuilder(lines: lines).build()
    }
}
