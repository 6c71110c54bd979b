/// Groups a page's reflowed blocks into articles (see ``PageSplitter``).
struct ArticleAssembler {
    /// A draft article: its header group and its body blocks (indices into `blocks`).
    struct Draft {
        var header: [Int] = []
        var body: [Int] = []
        /// Body blocks moved here from elsewhere (a lead printed away from its title); they read first.
        var movedLead: [Int] = []
        var isCaption = false
        var isContinuation = false
    }

    let blocks: [ReflowBlock]
    private var drafts: [Draft] = []
    private var orphans: [[Int]] = []

    /// Every line that holds text.
    private let nonBlankLines: Set<Int>

    init(blocks: [ReflowBlock]) {
        self.blocks = blocks
        var nonBlank = Set<Int>()
        for block in blocks { nonBlank.formUnion(block.lineNumbers) }
        self.nonBlankLines = nonBlank
    }

    private func isHeaderBlock(_ block: ReflowBlock) -> Bool {
        switch block.role {
        case .title, .subtitle, .section, .byline: return true
        default: return false
        }
    }

    private func isParagraph(_ index: Int) -> Bool { blocks[index].role == .paragraph }

    /// Whether a group of heading/byline blocks is an article title rather than a section heading.
    private func isArticleHeader(_ group: [Int], next: Int?, isFirst: Bool) -> Bool {
        let members = group.map { blocks[$0] }
        if members.allSatisfy({ $0.role == .section }) { return false }
        if members.contains(where: { $0.role == .byline || $0.role == .subtitle }) { return true }
        if members.contains(where: { $0.role == .title && ($0.markdownLevel == 1 || $0.markdownLevel == 2) }) { return true }
        if members.contains(where: { $0.role == .title && ($0.endsWithColon || $0.isMultiLineHeading) }) { return true }
        if let next, blocks[next].role == .paragraph, blocks[next].isDateline { return true }
        return interruptsSentence(next: next) || isFirst
    }

    /// Whether the header group interrupts a sentence (a misplaced title).
    private func interruptsSentence(next: Int?) -> Bool {
        next.map { blocks[$0].continuesAcrossHeading } ?? false
    }

    mutating func assemble() -> [PageArticle] {
        buildDrafts()
        relocateLeads()
        attachOrphans()
        return drafts.compactMap(render)
    }

    /// First pass: cut at article titles, continuation marks, datelines and captions.
    private mutating func buildDrafts() {
        var index = 0
        var current: Draft?
        // After a caption, untitled text continues the article printed before the caption.
        var resumeTarget: Int?
        var seenContent = false
        func close() {
            if let draft = current {
                if !draft.header.isEmpty && !draft.body.contains(where: isParagraph) && !draft.isContinuation {
                    // A title with no text of its own belongs to text printed elsewhere.
                    orphans.append(draft.header)
                    if !draft.body.isEmpty { drafts.append(Draft(body: draft.body)) }
                } else if !(draft.header.isEmpty && draft.body.isEmpty) {
                    drafts.append(draft)
                }
            }
            current = nil
        }
        func appendBody(_ indices: [Int]) {
            if current == nil, let target = resumeTarget, drafts.indices.contains(target) {
                drafts[target].body.append(contentsOf: indices)
                return
            }
            if current == nil { current = Draft() }
            current?.body.append(contentsOf: indices)
        }
        while index < blocks.count {
            let block = blocks[index]
            if isHeaderBlock(block) {
                var group: [Int] = []
                while index < blocks.count, isHeaderBlock(blocks[index]) {
                    // A byline closes a title group: headings after it start a new group.
                    if let last = group.last, blocks[last].role == .byline, blocks[index].role != .byline { break }
                    group.append(index)
                    index += 1
                }
                let next = index < blocks.count ? index : nil
                let isFirst = !seenContent
                seenContent = true
                if isArticleHeader(group, next: next, isFirst: isFirst) {
                    if interruptsSentence(next: next) {
                        orphans.append(group)
                        continue
                    }
                    close()
                    resumeTarget = nil
                    current = Draft(header: group)
                } else {
                    appendBody(group)
                }
                continue
            }
            seenContent = true
            switch block.role {
            case .marker:
                // A title right above a continuation mark has no text of its own: `close()`
                // makes it an orphan, matched later with its text elsewhere on the page.
                close()
                resumeTarget = nil
                current = Draft(body: [index], isContinuation: true)
            case .caption:
                var caption = Draft(body: [index], isCaption: true)
                if index + 1 < blocks.count, blocks[index + 1].role == .credit {
                    caption.body.append(index + 1)
                    index += 1
                }
                if current != nil {
                    let before = drafts.count
                    close()
                    resumeTarget = drafts.count > before ? drafts.count - 1 : nil
                }
                drafts.append(caption)
            case .credit:
                appendBody([index])
            default:  // paragraph
                if block.isDateline {
                    let hasText = current.map { $0.body.contains(where: isParagraph) } ?? (resumeTarget != nil)
                    if hasText || current == nil {
                        close()
                        resumeTarget = nil
                        if current == nil { current = Draft() }
                    }
                }
                appendBody([index])
            }
            index += 1
        }
        close()
        drafts.removeAll { $0.header.isEmpty && $0.body.isEmpty }
    }

    // MARK: Similarity

    private lazy var similarity: TitleSimilarity = {
        TitleSimilarity(passages: blocks.map { $0.role == .paragraph ? TitleSimilarity.bigrams($0.text) : [] }
            .filter { !$0.isEmpty })
    }()

    private lazy var blockBigrams: [Set<UInt64>] = blocks.map { TitleSimilarity.bigrams($0.text) }

    private var titleCache: [Int: Set<UInt64>] = [:]

    /// Bigrams of a header group's title and subtitle lines (cached by the group's first block).
    private mutating func titleBigrams(_ header: [Int]) -> Set<UInt64> {
        guard let key = header.first else { return [] }
        if let cached = titleCache[key] { return cached }
        var result = Set<UInt64>()
        for index in header where blocks[index].role == .title || blocks[index].role == .subtitle {
            result.formUnion(blockBigrams[index])
        }
        titleCache[key] = result
        return result
    }

    private mutating func score(_ header: [Int], _ block: Int) -> Double {
        let title = titleBigrams(header)
        return similarity.containment(title: title, in: blockBigrams[block])
    }

    /// For each split point k of `paragraphs`: the weighted share of the title's bigrams that
    /// occur after the split minus the share that occur before it.
    private mutating func segmentContrast(_ header: [Int], paragraphs: [Int]) -> [Double] {
        let title = titleBigrams(header)
        let n = paragraphs.count
        var after = [Double](repeating: 0, count: n + 1)   // weight of bigrams whose last use is ≥ k
        var before = [Double](repeating: 0, count: n + 1)  // weight of bigrams whose first use is < k
        var total = 0.0
        for bigram in title {
            let w = similarity.weight(bigram)
            total += w
            var first: Int?
            var last: Int?
            for (k, block) in paragraphs.enumerated() where blockBigrams[block].contains(bigram) {
                if first == nil { first = k }
                last = k
            }
            if let first, let last {
                after[0] += w
                after[last + 1] -= w
                before[first + 1] += w
            }
        }
        var result = [Double](repeating: 0, count: n)
        var runningAfter = 0.0
        var runningBefore = 0.0
        for k in 0..<n {
            runningAfter += after[k]
            runningBefore += before[k]
            result[k] = total == 0 ? 0 : (runningAfter - runningBefore) / total
        }
        return result
    }

    /// How many articles away a misplaced title or lead is looked for: OCR misplaces them
    /// within a page, and this keeps long inputs linear.
    static let searchWindow = 12

    /// At most this many misplaced titles per input are matched by similarity.
    static let maximumMatchedOrphans = 64

    // Thresholds on the title similarity (weighted share of a title's character pairs found in
    // a passage, 0…1). On the seed pages a title matches its own lead at 0.2–0.9; at the true
    // split of an orphan the mean gain is 0.11–0.59 and the contrast 0.18–0.38, while every
    // other split point has a contrast of 0.01 or less (its gain may reach 0.3), so the two
    // conditions together leave a wide margin.

    /// A lead moves to another title when that title matches it at least this well…
    static let leadMatch = 0.35
    /// …and its own title matches it less than this share of the other title's score.
    static let leadOwnShare = 0.5
    /// An orphan title's lead must match it at least this well.
    static let orphanLeadMatch = 0.15
    /// Mean per-paragraph match gained after the split over before it.
    static let orphanMeanGain = 0.08
    /// Share of the title's pairs that occur after the split and not before it.
    static let orphanContrast = 0.1

    /// A lead printed under the wrong title moves to the title it matches; the title left
    /// without text becomes an orphan.
    private mutating func relocateLeads() {
        for a in drafts.indices where !drafts[a].header.isEmpty && !drafts[a].isCaption {
            let paragraphs = drafts[a].body.filter(isParagraph)
            guard !paragraphs.isEmpty, paragraphs.count <= 2,
                  drafts[a].body.allSatisfy({ isParagraph($0) }) else { continue }
            let own = paragraphs.map { score(drafts[a].header, $0) }.max() ?? 0
            var best: (draft: Int, score: Double)?
            let window = max(0, a - ArticleAssembler.searchWindow)...min(drafts.count - 1, a + ArticleAssembler.searchWindow)
            for b in window where b != a && !drafts[b].header.isEmpty && !drafts[b].isCaption {
                let s = paragraphs.map { score(drafts[b].header, $0) }.min() ?? 0
                if s > (best?.score ?? 0) { best = (b, s) }
            }
            guard let best, best.score >= Self.leadMatch, own < Self.leadOwnShare * best.score else { continue }
            drafts[best.draft].movedLead.append(contentsOf: drafts[a].body)
            orphans.append(drafts[a].header)
            drafts[a].header = []
            drafts[a].body = []
        }
        drafts.removeAll { $0.header.isEmpty && $0.body.isEmpty && $0.movedLead.isEmpty }
    }

    /// Each orphan title starts an article inside the article whose text it matches, at the
    /// paragraph where two measures agree: the mean per-paragraph match (the title's share of
    /// rare character pairs, minus the share of the current title) rises between the text
    /// before and the text after, and the title's character pairs occur after the split
    /// rather than before it. The lead at that point must match the title too.
    private mutating func attachOrphans() {
        // Drafts are in page order of their first body block; keep them so (binary search).
        func firstDraft(after block: Int) -> Int {
            var low = 0
            var high = drafts.count
            while low < high {
                let mid = (low + high) / 2
                if (drafts[mid].body.first ?? Int.max) > block { high = mid } else { low = mid + 1 }
            }
            return low
        }
        var standalone: [Draft] = []
        for (number, header) in orphans.sorted(by: { ($0.first ?? 0) < ($1.first ?? 0) }).enumerated() {
            let anchor = header.first ?? 0
            let near = firstDraft(after: anchor)
            // A page holds a few misplaced titles; past that, input is degenerate and only
            // the cheap fallback below runs, which keeps the splitter linear.
            let window = number < Self.maximumMatchedOrphans
                ? max(0, near - Self.searchWindow)..<min(drafts.count, near + Self.searchWindow)
                : 0..<0
            var best: (draft: Int, blockPosition: Int, score: Double)?
            for d in window where !drafts[d].isCaption {
                let body = drafts[d].body
                let positions = body.indices.filter { isParagraph(body[$0]) }
                guard positions.count >= 2 else { continue }
                var mine: [Double] = []
                var diff: [Double] = []
                for position in positions {
                    let m = score(header, body[position])
                    let t = drafts[d].header.isEmpty ? 0 : score(drafts[d].header, body[position])
                    mine.append(m)
                    diff.append(m - t)
                }
                let contrast = segmentContrast(header, paragraphs: positions.map { body[$0] })
                let total = diff.reduce(0, +)
                var before = 0.0
                for k in 1..<positions.count {
                    before += diff[k - 1]
                    guard mine[k] >= Self.orphanLeadMatch else { continue }
                    let meanBefore = before / Double(k)
                    let meanAfter = (total - before) / Double(positions.count - k)
                    let gain = meanAfter - meanBefore
                    let score = gain + contrast[k]
                    if gain >= Self.orphanMeanGain, contrast[k] >= Self.orphanContrast, score > (best?.score ?? 0) {
                        best = (d, positions[k], score)
                    }
                }
            }
            guard let best else {
                // No passage claims it: it titles the untitled text right below it (a title
                // reprinted above a continued article), or stands alone.
                let last = header.last ?? 0
                let next = firstDraft(after: last)
                if next < drafts.count, drafts[next].header.isEmpty, !drafts[next].isCaption,
                   let first = drafts[next].body.first, first > last,
                   !blocks[(last + 1)..<first].contains(where: { $0.role == .paragraph }) {
                    drafts[next].header = header
                } else {
                    standalone.append(Draft(header: header))
                }
                continue
            }
            let draft = drafts[best.draft]
            var split = Draft(header: header)
            split.body = Array(draft.body[best.blockPosition...])
            drafts[best.draft].body = Array(draft.body[..<best.blockPosition])
            drafts.insert(split, at: best.draft + 1)
        }
        drafts.append(contentsOf: standalone)
        drafts.removeAll { $0.header.isEmpty && $0.body.isEmpty && $0.movedLead.isEmpty }
        let keyed = drafts.map { (firstLine($0), $0) }
        drafts = keyed.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map { $0.element.1 }
    }

    private func firstLine(_ draft: Draft) -> Int {
        let body = (draft.movedLead + draft.body).map { blocks[$0].firstLine }.min()
        let header = draft.header.map { blocks[$0].firstLine }.min()
        // Order by the text's position; a title printed after its text does not move it.
        return body ?? header ?? Int.max
    }

    /// Renders a draft: title from its header, text reflowed, line ranges merged over blank lines.
    private func render(_ draft: Draft) -> PageArticle? {
        let ordered = draft.movedLead + draft.body
        var titleParts: [String] = []
        var sawByline = false
        for index in draft.header {
            switch blocks[index].role {
            case .byline: sawByline = true
            case .title, .subtitle:
                if !sawByline { titleParts.append(blocks[index].text) }
            default: break
            }
        }
        var title = ""
        for part in titleParts {
            if title.isEmpty || part.unicodeScalars.first == "\u{2014}" { title += part } else { title += " " + part }
        }
        // Headings after the byline inside the header group are section headings of the body.
        // A lead moved here reads first; editorial marks and photo credits are not text.
        var bodyBlocks: [ReflowBlock] = draft.movedLead.map { blocks[$0] }
        var afterByline = false
        for index in draft.header {
            if blocks[index].role == .byline { afterByline = true; continue }
            if afterByline { bodyBlocks.append(blocks[index]) }
        }
        bodyBlocks.append(contentsOf: draft.body.map { blocks[$0] })
        bodyBlocks.removeAll { $0.role == .credit || $0.role == .marker }
        // Blocks are separated by a blank line so that reading the text again (split, then
        // label) finds the same paragraphs and section headings.
        let text = Reflow.merge(bodyBlocks).map(\.text).joined(separator: "\n\n")
        var numbers: [Int] = []
        for index in draft.header + ordered { numbers.append(contentsOf: blocks[index].lineNumbers) }
        guard !numbers.isEmpty else { return nil }
        return PageArticle(title: title, text: text, lines: ArticleAssembler.ranges(numbers, nonBlank: nonBlankLines))
    }

    /// Merges line numbers into ranges; a gap made only of blank lines does not break a range.
    static func ranges(_ numbers: [Int], nonBlank: Set<Int>) -> [ClosedRange<Int>] {
        let sorted = Set(numbers).sorted()
        var result: [ClosedRange<Int>] = []
        guard var lower = sorted.first else { return [] }
        var upper = lower
        for n in sorted.dropFirst() {
            var onlyBlanks = true
            if n > upper + 1 {
                for gap in (upper + 1)..<n where nonBlank.contains(gap) {
                    onlyBlanks = false
                    break
                }
            }
            if onlyBlanks {
                upper = n
            } else {
                result.append(lower...upper)
                lower = n
                upper = n
            }
        }
        result.append(lower...upper)
        return result
    }
}
