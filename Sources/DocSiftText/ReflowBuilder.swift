/// Builds ``ReflowBlock``s from classified lines.
struct ReflowBuilder {
    let lines: [ClassifiedLine]
    /// Column width around each line (em).
    private var columnWidth: [Double] = []

    init(lines: [ClassifiedLine]) {
        self.lines = lines
        self.columnWidth = ReflowBuilder.columnWidths(lines)
    }

    /// Median width of the longer non-blank lines around each line: the column width.
    static func columnWidths(_ lines: [ClassifiedLine]) -> [Double] {
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        var result = [Double](repeating: 0, count: lines.count)
        guard !nonBlank.isEmpty else { return result }
        let widths = nonBlank.map { lines[$0].width }
        let maxWidth = widths.max() ?? 0
        // A sorted sliding window over the widths (≥ 8 em) of the 10 non-blank lines on each side.
        var window: [Double] = []
        func insertionPoint(_ value: Double) -> Int {
            var low = 0
            var high = window.count
            while low < high {
                let mid = (low + high) / 2
                if window[mid] < value { low = mid + 1 } else { high = mid }
            }
            return low
        }
        func add(_ position: Int) {
            guard position >= 0, position < widths.count, widths[position] >= 8 else { return }
            window.insert(widths[position], at: insertionPoint(widths[position]))
        }
        func remove(_ position: Int) {
            guard position >= 0, position < widths.count, widths[position] >= 8 else { return }
            let at = insertionPoint(widths[position])
            if at < window.count, window[at] == widths[position] { window.remove(at: at) }
        }
        for p in 0...min(10, widths.count - 1) { add(p) }
        for (position, lineIndex) in nonBlank.enumerated() {
            if position > 0 {
                add(position + 10)
                remove(position - 11)
            }
            if window.isEmpty {
                result[lineIndex] = maxWidth
            } else {
                let mid = window.count / 2
                result[lineIndex] = window.count % 2 == 1 ? window[mid] : (window[mid - 1] + window[mid]) / 2
            }
        }
        return result
    }

    /// A line as wide as its column (not the short last line of a paragraph, not a heading).
    /// The 3.5 em slack covers a paragraph's first-line indent and the jitter that
    /// half-width digits and punctuation cause; a line of 28 em or more is full in any style
    /// (in the markdown style a paragraph is one long line, and headings are short).
    func isFull(_ index: Int) -> Bool {
        let line = lines[index]
        return line.width >= min(columnWidth[index] - 3.5, 28)
    }

    /// A raw segment: consecutive lines of one chunk with one shape.
    struct Segment {
        var shape: ClassifiedLine.Shape
        var lineIndices: [Int]
        /// First segment of its chunk (a blank line or the start of input before it).
        var startsChunk: Bool
        /// Last segment of its chunk.
        var endsChunk: Bool
    }

    /// Splits the lines into segments: special lines alone, text lines grouped until a
    /// paragraph ends inside a chunk.
    func segments() -> [Segment] {
        var result: [Segment] = []
        var current: [Int] = []
        var currentStartsChunk = true
        var atChunkStart = true
        func flush(endsChunk: Bool) {
            if !current.isEmpty {
                result.append(Segment(shape: .text, lineIndices: current, startsChunk: currentStartsChunk, endsChunk: endsChunk))
                current.removeAll()
            }
        }
        for index in lines.indices {
            let line = lines[index]
            if line.isBlank {
                flush(endsChunk: true)
                if let last = result.indices.last { result[last].endsChunk = true }
                atChunkStart = true
                continue
            }
            var shape = line.shape
            if shape == .credit, !atChunkStart, !line.scalars.contains(" ") { shape = .text }
            if shape != .text {
                flush(endsChunk: false)
                result.append(Segment(shape: shape, lineIndices: [index], startsChunk: atChunkStart, endsChunk: false))
                atChunkStart = false
                continue
            }
            // A short unpunctuated line after a finished sentence and before a blank line is
            // a heading printed without a blank line above it.
            if let previous = current.last, lines[previous].endsSentence, !line.endsSentence, !isFull(index),
               index + 1 >= lines.count || lines[index + 1].isBlank,
               let first = line.scalars.first, !CharacterClasses.isContinuationOnly(first) {
                flush(endsChunk: false)
                atChunkStart = true
            }
            if current.isEmpty { currentStartsChunk = atChunkStart }
            current.append(index)
            atChunkStart = false
            if line.endsSentence && !isFull(index) { flush(endsChunk: false) }
        }
        flush(endsChunk: true)
        if let last = result.indices.last { result[last].endsChunk = true }
        return result
    }

    /// Joins the lines of a segment into text.
    func join(_ indices: [Int], into text: inout [Unicode.Scalar]) {
        for index in indices {
            let scalars = lines[index].scalars
            if let previous = text.last, let next = scalars.first,
               CharacterClasses.isASCIILetter(previous) && CharacterClasses.isASCIILetter(next) {
                text.append(" ")
            }
            text.append(contentsOf: scalars)
        }
    }

    /// Evidence after segment `position` that it is a title: a subtitle, a byline, a
    /// continuation mark, a dateline, or a lone name line followed by text.
    func titleEvidence(after position: Int, in segments: [Segment]) -> Bool {
        guard position + 1 < segments.count else { return false }
        let next = segments[position + 1]
        switch next.shape {
        case .subtitle, .markedByline, .continuationMarker: return true
        case .text:
            guard let first = next.lineIndices.first else { return false }
            if lines[first].isDateline { return true }
            if next.lineIndices.count == 1, next.startsChunk, next.endsChunk, lines[first].isNameLike,
               position + 2 < segments.count, segments[position + 2].shape == .text {
                return true
            }
            return false
        default: return false
        }
    }

    /// Whether a text segment reads as a heading: a few short unpunctuated lines.
    func isHeadingCandidate(_ position: Int, in segments: [Segment], previousIsBlockStart: Bool) -> Bool {
        let segment = segments[position]
        guard segment.startsChunk, segment.lineIndices.count <= 4 else { return false }
        let evidence = titleEvidence(after: position, in: segments)
        var allShort = true
        var innerComma = false
        for index in segment.lineIndices {
            let line = lines[index]
            if line.endsSentence || line.hasInnerFullStop || line.trailingCreditStart != nil { return false }
            if let first = line.scalars.first, CharacterClasses.isContinuationOnly(first) { return false }
            if line.width > 40 { return false }
            if isFull(index) { allShort = false }
            // In the long-line style a short line with a comma is a paragraph cut by a blank
            // line; in narrow columns such a piece would fill the column, so there a short
            // line with a comma can still be a heading.
            if line.hasInnerPunctuation && columnWidth[index] > 31.5 { innerComma = true }
        }
        if evidence { return true }
        // A heading is followed by a blank line (or more heading lines).
        guard segment.endsChunk, allShort else { return false }
        if innerComma { return segment.lineIndices.count > 1 || previousIsBlockStart }
        return true
    }

    /// Whether a text segment continues the open paragraph right before it.
    func continuesParagraph(_ segment: Segment) -> Bool {
        guard let first = segment.lineIndices.first else { return false }
        let line = lines[first]
        if let s = line.scalars.first, CharacterClasses.isContinuationOnly(s) { return true }
        if line.isDateline { return false }
        return line.endsSentence || isFull(first) || line.hasInnerPunctuation && line.width > 12
    }

    func build() -> [ReflowBlock] {
        let segments = segments()
        var blocks: [ReflowBlock] = []
        func makeBlock(_ kind: BlockKind, _ role: ReflowBlock.Role, _ indices: [Int]) -> ReflowBlock {
            let first = lines[indices.first ?? 0].number
            let last = lines[indices.last ?? 0].number
            var scalars: [Unicode.Scalar] = []
            join(indices, into: &scalars)
            return ReflowBlock(kind: kind, role: role, scalars: scalars, firstLine: first, lastLine: last,
                               lineNumbers: indices.map { lines[$0].number })
        }
        for (position, segment) in segments.enumerated() {
            guard let firstIndex = segment.lineIndices.first else { continue }
            let line = lines[firstIndex]
            let previous = blocks.last
            switch segment.shape {
            case .blank:
                continue
            case .markdownHeading(let level):
                var block = makeBlock(.heading, level >= 3 ? .section : .title, segment.lineIndices)
                block.markdownLevel = level
                if line.scalars.first == "\u{2014}" { block.role = .subtitle }
                block.endsWithColon = line.endsWithColon
                blocks.append(block)
            case .bulletHeading:
                var block = makeBlock(.heading, .section, segment.lineIndices)
                block.markdownLevel = 2
                blocks.append(block)
            case .markedByline:
                blocks.append(makeBlock(.byline, .byline, segment.lineIndices))
            case .credit:
                blocks.append(makeBlock(.byline, .credit, segment.lineIndices))
                if let index = blocks.indices.dropLast().last, blocks[index].kind == .paragraph {
                    blocks[index].kind = .caption
                    blocks[index].role = .caption
                }
            case .continuationMarker:
                blocks.append(makeBlock(.heading, .marker, segment.lineIndices))
            case .subtitle:
                if let previous, previous.kind == .paragraph, previous.isOpen, isFull(firstIndex) {
                    appendText(segment.lineIndices, to: &blocks)
                } else {
                    blocks.append(makeBlock(.heading, .subtitle, segment.lineIndices))
                }
            case .text:
                if let previous, previous.kind == .paragraph, previous.isOpen,
                   segment.startsChunk ? continuesParagraph(segment) : true {
                    appendText(segment.lineIndices, to: &blocks)
                    continue
                }
                let previousIsStart = previous == nil
                if segment.lineIndices.count == 1, segment.startsChunk, segment.endsChunk, line.isNameLike,
                   let previous, previous.kind == .heading || previous.kind == .byline, previous.role != .section {
                    blocks.append(makeBlock(.byline, .byline, segment.lineIndices))
                } else if isHeadingCandidate(position, in: segments, previousIsBlockStart: previousIsStart) {
                    var block = makeBlock(.heading, .title, segment.lineIndices)
                    block.isMultiLineHeading = segment.lineIndices.count > 1
                    block.endsWithColon = segment.lineIndices.contains { lines[$0].endsWithColon }
                    blocks.append(block)
                } else {
                    var block = makeBlock(.paragraph, .paragraph, segment.lineIndices)
                    block.isDateline = line.isDateline
                    block.isOpen = !(lines[segment.lineIndices.last ?? firstIndex].endsSentence)
                    // A sentence interrupted by a misplaced title continues here.
                    if let openIndex = blocks.lastIndex(where: { $0.kind == .paragraph || $0.kind == .caption }),
                       blocks[openIndex].kind == .paragraph, blocks[openIndex].isOpen, openIndex < blocks.count - 1,
                       blocks[(openIndex + 1)...].allSatisfy({ $0.kind == .heading || $0.kind == .byline }),
                       continuesAcross(blocks[openIndex].scalars, block.scalars) {
                        block.continuesAcrossHeading = true
                    }
                    blocks.append(block)
                }
            }
        }
        return markPhotoCaptions(splitTrailingCredits(blocks))
    }

    /// A finished paragraph whose last sentence describes a photo (`图为…`) is a caption even
    /// without a credit line.
    private func markPhotoCaptions(_ blocks: [ReflowBlock]) -> [ReflowBlock] {
        var result = blocks
        for index in result.indices where result[index].kind == .paragraph && !result[index].isOpen {
            let scalars = result[index].scalars
            // Start of the last sentence: after the last sentence mark before the final one.
            var end = scalars.count
            while end > 0, CharacterClasses.isCloser(scalars[end - 1]) || CharacterClasses.isSpace(scalars[end - 1]) { end -= 1 }
            var start = max(0, end - 1)
            while start > 0, !CharacterClasses.isFullStop(scalars[start - 1]) { start -= 1 }
            let head = scalars[start..<min(scalars.count, start + 3)]
            if head.starts(with: ["图", "为"]) || head.starts(with: ["图", "片", "为"]) || head.starts(with: ["上", "图", "为"])
                || head.starts(with: ["图", "中"]) {
                result[index].kind = .caption
                result[index].role = .caption
            }
        }
        return result
    }

    /// Appends lines to the last block (a paragraph) and updates whether it is open.
    private func appendText(_ indices: [Int], to blocks: inout [ReflowBlock]) {
        guard let last = blocks.indices.last, let lastLine = indices.last else { return }
        join(indices, into: &blocks[last].scalars)
        blocks[last].lastLine = lines[lastLine].number
        blocks[last].lineNumbers.append(contentsOf: indices.map { lines[$0].number })
        blocks[last].isOpen = !lines[lastLine].endsSentence
    }

    /// Whether `next` continues the sentence `open` leaves unfinished, across a heading:
    /// it starts with a mark that only continues a sentence, or it closes a quotation that
    /// `open` opened.
    func continuesAcross(_ open: [Unicode.Scalar], _ next: [Unicode.Scalar]) -> Bool {
        guard let first = next.first else { return false }
        if CharacterClasses.isContinuationOnly(first) { return true }
        var depth = 0
        for s in open {
            if s == "\u{201C}" { depth += 1 } else if s == "\u{201D}" { depth = max(0, depth - 1) }
        }
        guard depth > 0 else { return false }
        for s in next {
            if s == "\u{201C}" { return false }
            if s == "\u{201D}" { return true }
        }
        return false
    }

    /// Splits `…。 杨玉红张光贤摄` endings into a caption and a credit.
    private func splitTrailingCredits(_ blocks: [ReflowBlock]) -> [ReflowBlock] {
        var result: [ReflowBlock] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            guard block.kind == .paragraph, let lastNumber = block.lineNumbers.last,
                  lastNumber - 1 < lines.count, let start = lines[lastNumber - 1].trailingCreditStart else {
                result.append(block)
                continue
            }
            let scalars = block.scalars
            let creditLength = lines[lastNumber - 1].scalars.count - start
            guard creditLength < scalars.count else {
                result.append(block)
                continue
            }
            var caption = block
            caption.kind = .caption
            caption.role = .caption
            var cut = scalars.count - creditLength
            while cut > 0, scalars[cut - 1] == " " { cut -= 1 }
            caption.scalars = Array(scalars[..<cut])
            caption.isOpen = false
            var credit = block
            credit.kind = .byline
            credit.role = .credit
            credit.text = ScalarText.string(scalars[(scalars.count - creditLength)...]).trimmingSpaces()
            credit.firstLine = lastNumber
            credit.isOpen = false
            credit.lineNumbers = [lastNumber]
            result.append(caption)
            result.append(credit)
        }
        return result
    }
}

fileprivate extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        let scalars = Array(unicodeScalars)
        var lower = 0
        var upper = scalars.count
        while lower < upper, CharacterClasses.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, CharacterClasses.isSpace(scalars[upper - 1]) { upper -= 1 }
        return ScalarText.string(scalars[lower..<upper])
    }
}
