import Foundation
import Testing
@testable import DocSiftSummarizer
import DocSift

/// Every summary ends cleanly at every budget from 20 to 200: whole sentences, or a cut
/// marked with "…" that never ends inside a number (5.6 of 5.6万元), a Latin word or a
/// quotation, title or bracket; never over the budget.
@Suite struct SummaryEndTests {
    static let budgets = Array(stride(from: 20, through: 200, by: 10))
    static let background = try? BackgroundIDF(contentsOf: TestPaths.newsIDF)

    /// The problems with how `summary` ends (empty when it ends cleanly).
    static func endProblems(_ summary: Summary, budget: Int, text: String) -> [String] {
        var problems: [String] = []
        let scalars = Array(summary.text.unicodeScalars)
        if scalars.count > budget { problems.append("\(scalars.count) characters for \(budget)") }
        guard !scalars.isEmpty else { return summary.kind == .empty ? problems : problems + ["empty \(summary.kind)"] }
        // Every opening mark is closed within the summary (one closed before it opened is fine:
        // the summary may start inside a quotation).
        let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】"]
        var open: [Unicode.Scalar] = []
        for c in scalars {
            if let closer = pairs[c] { open.append(closer) } else if c == open.last { open.removeLast() }
        }
        let (body, mark) = GistEnd.splitMark(summary.text)
        if mark.isEmpty {
            // Not marked: whole sentences of the document.
            if summary.kind == .clauseWindow {
                let last = body.unicodeScalars.last.map { String($0) } ?? ""
                let tail = text.replacingOccurrences(of: "\n", with: "").trimmingCharacters(in: .whitespaces)
                if !"。！？!?；;…”’）)".contains(last) && !tail.hasSuffix(body) { problems.append("unmarked cut") }
                if !open.isEmpty { problems.append("open quotation") }
            }
            return problems
        }
        if !open.isEmpty { problems.append("open \(open) after the mark") }
        // The character after the cut in the source must not continue a number or word.
        let bodyScalars = Array(body.unicodeScalars)
        guard let last = bodyScalars.last else { return problems + ["only a mark"] }
        let source = Array(text.unicodeScalars)
        var searchFrom = 0
        while let match = firstIndex(of: bodyScalars, in: source, from: searchFrom) {
            let next = match + bodyScalars.count
            if next < source.count {
                let after = source[next]
                let digit = { (c: Unicode.Scalar) in ("0"..."9").contains(c) || ("０"..."９").contains(c) }
                let letter = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
                if digit(last) && (digit(after) || "万亿千百元%％".unicodeScalars.contains(after)
                                   || (after == "." && next + 1 < source.count && digit(source[next + 1]))) {
                    problems.append("inside a number: …\(String(body.suffix(6)))|\(after)")
                }
                if letter(last) && letter(after) { problems.append("inside a word: …\(String(body.suffix(6)))|\(after)") }
            }
            searchFrom = match + 1
            break
        }
        return problems
    }

    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        for i in from...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    /// The seed pages as `docsift split seeds/pages | docsift label --summary` reads them,
    /// at every budget (the case: 财产损失5.6 cut from 5.6万元 at 40).
    @Test func seedSummariesEndCleanlyAtEveryBudget() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let summarizer = Summarizer(background: SummaryEndTests.background)
        var failures: [String] = []
        for article in corpus.articles {
            for budget in SummaryEndTests.budgets {
                let summary = summarizer.summarize(article.text, title: article.title, maxCharacters: budget)
                for problem in SummaryEndTests.endProblems(summary, budget: budget, text: article.text) {
                    failures.append("\(article.id) @\(budget): \(problem): \(summary.text)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) bad ends:\n\(failures.prefix(20).joined(separator: "\n"))")
        let fraud = try #require(corpus.articles.first { $0.text.contains("5.6万元") })
        let cut = summarizer.summarize(fraud.text, title: fraud.title, maxCharacters: 40)
        #expect(!cut.text.hasSuffix("5.6") && !cut.text.hasSuffix("5.6…"), "\(cut.text)")
    }

    /// The first 200 LCSTS posts at every budget.
    @Test func lcstsSummariesEndCleanlyAtEveryBudget() throws {
        guard let url = TestPaths.data("lcsts_part3/part3.jsonl") else { return }
        let records = try SummaryRecord.load(jsonlAt: url).prefix(200)
        let summarizer = Summarizer(background: SummaryEndTests.background)
        var failures: [String] = []
        for record in records {
            for budget in SummaryEndTests.budgets {
                let summary = summarizer.summarize(record.text, maxCharacters: budget)
                for problem in SummaryEndTests.endProblems(summary, budget: budget, text: record.text) {
                    failures.append("\(record.id) @\(budget): \(problem): \(summary.text)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) bad ends:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// The cut rule on its own: numbers with their magnitudes and units, words, quotations.
    @Test func cutPointsAvoidNumbersWordsAndOpenQuotations() {
        func cut(_ text: String, limit: Int) -> String {
            let scalars = Array(text.unicodeScalars)
            let (range, suffix) = GistEnd.cut(scalars, start: 0, end: min(limit - 1, scalars.count), limit: limit) { _ in false }
            return ScalarText.string(scalars[range] + suffix)
        }
        #expect(cut("避免客户遭受财产损失5.6万元。", limit: 14) == "避免客户遭受财产损失…")
        #expect(cut("避免客户遭受财产损失5.6万元。", limit: 15) == "避免客户遭受财产损失…")
        #expect(cut("苹果发布了新款iPhone手机", limit: 11) == "苹果发布了新款…")
        #expect(cut("苹果发布了新款iPhone手机", limit: 14) == "苹果发布了新款iPhone…")
        #expect(cut("他说：“我们将继续推进改革开放”", limit: 12) == "他说：“我们将继续推…”")
        #expect(cut("发布了《中国金融稳定报告》", limit: 10) == "发布了《中国金融…》")
        #expect(cut("增长了2014年的水平", limit: 8) == "增长了2014…")
        #expect(cut("一二", limit: 1).isEmpty)
    }
}
