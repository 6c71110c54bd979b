import DocSiftText
import DocSiftFeatures

/// Extractive summaries of Chinese news.
///
/// Body sentences (from `PreparedDocument`: headings, bylines and captions
/// excluded, datelines cut) get character n-gram TF-IDF vectors; their cosine matrix
/// (BLAS ssyrk) gives graph centrality by power iteration, which is combined with
/// similarity to the whole document, position (stronger in long documents), title overlap
/// and length priors; maximal marginal relevance then fills the budget with whole
/// sentences, output in document order. A sentence too long for the characters left may
/// compete with its leading clauses; when it wins, it ends the summary (so the leftover
/// budget is used: in a long article, the opening sentences and the start of the next
/// one). When no whole sentence fits the budget, or the budget is headline
/// length and shorter than the typical sentence (``GistRule``), the summary is the
/// budget-length window starting at a clause boundary that best matches the rest of the
/// document, with a position prior (a headline-length gist; its last clause may be cut).
///
/// Immutable and `Sendable`: share one instance across threads.
public struct Summarizer: Sendable {
    /// The parameters.
    public let options: SummaryOptions
    /// Outside-corpus IDF; `nil` falls back to IDF over the document's own sentences.
    public let background: BackgroundIDF?

    /// A summarizer with the given options and, optionally, background IDF.
    public init(options: SummaryOptions = SummaryOptions(), background: BackgroundIDF? = nil) {
        self.options = options
        self.background = background
    }

    /// The n-grams documents are cut into: ``SummaryOptions/nGrams`` when the background
    /// covers those lengths (its keys are the same), else the background's own options.
    private var nGramOptions: NGramOptions {
        guard let background else { return options.nGrams }
        let wanted = options.nGrams, have = background.options
        let covered = have.minLength <= wanted.minLength && have.maxLength >= wanted.maxLength
            && have.foldsDigits == wanted.foldsDigits
        return covered ? wanted : have
    }

    /// Summarizes `text`. `title` (default: the document's headings) adds a title-overlap
    /// prior; `budget` overrides ``SummaryOptions/budget`` for this call (e.g. a record's
    /// own `max_chars`). A budget of 0 or less gives an empty summary.
    /// Only the first `2 × maximumAnalyzedCharacters` characters of `text` are prepared.
    /// Web-page furniture is dropped and traditional text is analysed in simplified
    /// characters (``SummaryOptions/convertsTraditional``); the summary keeps the original ones.
    public func summarize(_ text: String, title: String? = nil, budget: SummaryBudget? = nil) -> Summary {
        let source = ConvertedText(analyzedPrefix(of: text), converting: options.convertsTraditional)
        let summary = summarize(PreparedDocument(text: source.converted),
                                title: title.map { FeatureText.prepare($0, converting: options.convertsTraditional) }, budget: budget)
        guard !source.keepsCharacters else { return summary }
        // A cut's mark (and the quotation marks it closes) is not in the text: map the rest.
        let marked = summary.sentences.map(GistEnd.splitMark)
        var originals = zip(source.originals(of: marked.map { $0.body }), marked).map { $0 + $1.mark }
        var indices = summary.sentenceIndices
        // The budget was kept on the prepared text; dropped symbols or a phrase that is longer
        // in traditional characters can make the original pieces longer. Drop trailing pieces
        // until the original fits; if none fits, keep the prepared text, which does.
        if case .characters(let limit) = budget ?? options.budget {
            while !originals.isEmpty, originals.reduce(0, { $0 + $1.unicodeScalars.count }) > limit {
                originals.removeLast()
                if indices.count > originals.count { indices.removeLast() }
            }
            if originals.isEmpty && !summary.sentences.isEmpty { return summary }
        }
        return Summary(sentences: originals, sentenceIndices: indices, kind: summary.kind, keywords: summary.keywords)
    }

    /// Summarizes `text` in at most `maxCharacters` characters.
    public func summarize(_ text: String, title: String? = nil, maxCharacters: Int) -> Summary {
        summarize(text, title: title, budget: .characters(maxCharacters))
    }

    /// The part of a raw text worth preparing: from the line of its first visible character
    /// (a flood of leading blank lines would otherwise fill the prefix and leave nothing to
    /// summarize), at most twice the analysed body length, cut after a line break when one
    /// is near the limit (bounds the work on huge inputs).
    func analyzedPrefix(of text: String) -> String {
        let analyzed = max(1, options.maximumAnalyzedCharacters)
        let limit = analyzed > Int.max / 2 ? Int.max : analyzed * 2
        var scalars = text.unicodeScalars[...]
        if let first = scalars.first, first.properties.isWhitespace {
            // Blank lines hold no sentence, so sentence numbers are unchanged.
            let visible = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
            if let lineStart = scalars[..<visible].lastIndex(of: "\n") {
                scalars = scalars[scalars.index(after: lineStart)...]
            }
        }
        if scalars.startIndex == text.unicodeScalars.startIndex, text.utf8.count <= limit { return text }
        guard let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
              end < scalars.endIndex else { return String(scalars) }
        var cut = end
        var steps = 0
        while cut > scalars.startIndex && steps < limit / 10 {
            let previous = scalars.index(before: cut)
            if scalars[previous] == "\n" { break }
            cut = previous
            steps += 1
        }
        if cut == scalars.startIndex || steps >= limit / 10 { cut = end }
        return String(scalars[scalars.startIndex..<cut])
    }

    /// Summarizes a prepared document (see ``summarize(_:title:budget:)``).
    public func summarize(_ document: PreparedDocument, title: String? = nil, budget: SummaryBudget? = nil) -> Summary {
        let budget = budget ?? options.budget
        let title = title ?? document.headings.joined(separator: " ")
        let body = BodySentences(document: document, title: title, maximumSentences: options.maximumSentences,
                                 maximumCharacters: options.maximumAnalyzedCharacters)
        var characters: Int?
        var sentences: Int?
        switch budget {
        case let .characters(n): characters = n
        case let .sentences(n): sentences = n
        }
        let lengths = body.scalars.map { $0.count }
        let empty = body.texts.isEmpty || (characters ?? sentences ?? 0) <= 0
        let gistMode = !empty && characters.map { usesGist(lengths: lengths, budget: $0) } == true
        let features = DocumentFeatures(sentences: body.scalars, options: nGramOptions, background: background,
                                        sentenceVectors: !empty && !gistMode)
        let keywords = KeywordExtractor().keywords(in: features, count: options.keywordCount, background: background)
        if empty {
            return Summary(sentences: [], sentenceIndices: [], kind: .empty, keywords: keywords)
        }
        if let characters, gistMode {
            return gist(features: features, body: body, length: characters, keywords: keywords)
        }
        let graph = SentenceGraph(features: features)
        let titleVector = title.isEmpty ? nil : features.denseVector(of: title, background: background)
        var scorer = SentenceScorer(features: features, graph: graph, lengths: lengths, titleVector: titleVector,
                                    options: options)
        let filter = RedundancyFilter(lambda: options.mmrLambda, duplicateSimilarity: options.duplicateSimilarity,
                                      coverageWeight: options.coverageWeight, features: features)
        let minimumClause = options.minimumClauseCharacters
        // Each sentence's cuts up to the first limit asked (limits only shrink as the summary grows).
        var clauseCuts = [(limit: Int, cuts: [Int])?](repeating: nil, count: lengths.count)
        let clausePrefix: ((Int, Int) -> (length: Int, score: Float)?)? = options.cutsSentenceAtClause ? { sentence, limit in
            let cuts: [Int]
            if let known = clauseCuts[sentence], known.limit >= limit {
                cuts = known.cuts
            } else {
                cuts = ClausePrefix.cuts(of: body.scalars[sentence][...], minimum: minimumClause, limit: limit)
                clauseCuts[sentence] = (limit, cuts)
            }
            guard let length = ClausePrefix.longest(in: cuts, limit: limit) else { return nil }
            return (length, scorer.score(sentence: sentence, prefix: length))
        } : nil
        let scores = scorer.scores
        let selection = filter.select(scores: scores, lengths: lengths, texts: body.texts, graph: graph,
                                      characters: characters, sentences: sentences, clausePrefix: clausePrefix,
                                      clauseBounds: scorer.prefixBounds)
        var pieces = selection.whole.map { (position: $0, text: body.texts[$0]) }
        if let cut = selection.cut {
            pieces.append((cut.sentence, Summarizer.clauseText(body.scalars[cut.sentence].prefix(cut.length))))
            pieces.sort { $0.position < $1.position }
        }
        return Summary(sentences: pieces.map { $0.text }, sentenceIndices: pieces.map { body.sourceIndices[$0.position] },
                       kind: .sentences, keywords: keywords)
    }

    /// The text of leading clauses, marked as a cut: the clause break they end in becomes
    /// "…" (``GistEnd/mark``), so the length stays within the prefix's.
    static func clauseText(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var end = scalars.endIndex
        while end > scalars.startIndex, CharacterClasses.isClauseBreak(scalars[end - 1]) { end -= 1 }
        if end == scalars.endIndex, end > scalars.startIndex { end -= 1 }  // no break: make room for the mark
        guard end > scalars.startIndex else { return "" }
        return ScalarText.string(scalars[scalars.startIndex..<end]) + String(GistEnd.mark)
    }

    /// Whether a character budget is met with a clause window (see ``GistRule``).
    func usesGist(lengths: [Int], budget: Int) -> Bool {
        guard lengths.contains(where: { $0 <= budget }) else { return true }
        switch options.gistRule {
        case .whenNoSentenceFits: return false
        case .always: return true
        case .whenBudgetBelowMedianSentence:
            let sorted = lengths.sorted()
            return budget <= options.headlineLength && budget < sorted[sorted.count / 2]
        }
    }

    /// Key phrases of `text`, best first (at most `count`).
    public func keywords(in text: String, count: Int = 10) -> [Keyword] {
        let document = PreparedDocument(text: FeatureText.prepare(analyzedPrefix(of: text), converting: options.convertsTraditional))
        let body = BodySentences(document: document, title: document.headings.joined(separator: " "),
                                 maximumSentences: options.maximumSentences,
                                 maximumCharacters: options.maximumAnalyzedCharacters)
        let features = DocumentFeatures(sentences: body.scalars, options: nGramOptions, background: background,
                                        sentenceVectors: false)
        return KeywordExtractor().keywords(in: features, count: count, background: background)
    }

    private func gist(features: DocumentFeatures, body: BodySentences, length: Int, keywords: [Keyword]) -> Summary {
        let scalars = features.scalars
        var start = 0, end = min(length, scalars.count)
        if options.usesClauseWindows,
           // Windows one character short of the budget: a cut's mark takes the last.
           let choice = ClauseWindows.best(in: features, length: max(1, length - 1), parameters: ClauseWindows.Parameters(
               positionWeight: options.windowPositionWeight, positionScale: options.windowPositionScale,
               normExponent: options.windowNormExponent, openerPenalty: options.windowOpenerPenalty,
               openerLength: options.windowOpenerLength, againstRest: options.windowAgainstRest)) {
            start = choice.start
            end = choice.end
        }
        // Whole when it stops at the end of a body sentence; otherwise a marked cut that
        // never ends inside a number, word or quotation (``GistEnd``).
        let sentenceEnds = Set(features.sentenceStarts)
        let (range, suffix) = GistEnd.cut(scalars, start: start, end: end, limit: length) { sentenceEnds.contains($0) }
        guard !range.isEmpty else {
            return Summary(sentences: [], sentenceIndices: [], kind: .empty, keywords: keywords)
        }
        var indices: [Int] = []
        for s in 0..<features.sentenceCount
        where features.sentenceStarts[s] < range.upperBound && features.sentenceStarts[s + 1] > range.lowerBound {
            indices.append(body.sourceIndices[s])
        }
        let text = ScalarText.string(scalars[range] + suffix)
        return Summary(sentences: [text], sentenceIndices: indices, kind: .clauseWindow, keywords: keywords)
    }
}
