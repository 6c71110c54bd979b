import Foundation
import Testing
import DocSift

/// Every seed article at a 120-character budget: within budget, whole reflowed sentences
/// whenever one fits, no duplicates, nothing from headings, bylines or captions.
@Suite struct SeedSummaryTests {
    @Test func seedSummariesAreCleanWholeSentences() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        #expect(corpus.articles.count == 37)
        let summarizer = Summarizer(background: try? BackgroundIDF(contentsOf: TestPaths.newsIDF))
        for article in corpus.articles {
            let document = PreparedDocument(text: article.text)
            // A photo caption on its own (gold `short`) has no body: its caption is its text.
            let captionOnly = !document.blocks.contains { $0.kind == .paragraph }
            let bodyKind: BlockKind = captionOnly ? .caption : .paragraph
            let summary = summarizer.summarize(document, title: article.title, budget: .characters(120))
            let length = summary.text.unicodeScalars.count
            #expect(length <= 120, "\(article.id): \(length) characters")
            #expect(!summary.text.isEmpty, "\(article.id): empty summary")
            #expect(Set(summary.sentenceIndices).count == summary.sentenceIndices.count, "\(article.id): duplicate")
            #expect(Set(summary.sentences).count == summary.sentences.count, "\(article.id): duplicate text")
            #expect(summary.sentenceIndices == summary.sentenceIndices.sorted(), "\(article.id): out of order")
            // Photo credits (…摄) and caption lines (图为…) are not body sentences.
            let fits = document.sentences.contains {
                $0.text.unicodeScalars.count <= 120 && (captionOnly || !SeedSummaryTests.isCaption($0.text))
            }
            if fits {
                #expect(summary.kind == .sentences, "\(article.id): a sentence fits but got \(summary.kind)")
                for (piece, index) in zip(summary.sentences, summary.sentenceIndices) {
                    let source = document.sentences[index]
                    #expect(source.text.hasSuffix(piece), "\(article.id): not a whole sentence: \(piece)")
                    #expect(document.blocks[source.blockIndex].kind == bodyKind, "\(article.id): from a \(document.blocks[source.blockIndex].kind) block")
                }
            }
            // No heading is a summary sentence or glued to the front of one (a sentence may
            // still use the same words, e.g. a title's 工作推进会 in 工作推进会议).
            for heading in document.headings where heading.unicodeScalars.count >= 4 {
                for piece in summary.sentences {
                    #expect(!piece.hasPrefix(heading), "\(article.id): heading \(heading) in \(piece)")
                }
            }
            let titleCore = article.title.replacingOccurrences(of: " ", with: "")
            if !article.title.hasPrefix("(") {
                #expect(!summary.text.replacingOccurrences(of: " ", with: "").hasPrefix(titleCore),
                        "\(article.id): starts with the title")
            }
            #expect(!summary.text.contains("◎"), "\(article.id): byline")
            #expect(!summary.text.contains("本报讯"), "\(article.id): dateline")
            for piece in summary.sentences {
                #expect(!piece.hasSuffix("摄"), "\(article.id): photo credit \(piece)")
                if !captionOnly { #expect(!SeedSummaryTests.isCaption(piece), "\(article.id): caption \(piece)") }
            }
        }
    }

    /// A long report (s000-04): by default its lead sentence and a later whole sentence;
    /// with ``SummaryOptions/cutsSentenceAtClause``, the lead sentence and the leading
    /// clauses of the sentence that follows it, filling the budget.
    @Test func longReportWithAndWithoutClauseCuts() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let article = try #require(corpus.articles.first { $0.id == "s000-04" })
        let document = PreparedDocument(text: article.text)
        let background = try BackgroundIDF(contentsOf: TestPaths.newsIDF)
        let sentencesOnly = Summarizer(background: background).summarize(document, title: article.title, budget: .characters(120))
        var options = SummaryOptions()
        options.cutsSentenceAtClause = true
        let withCuts = Summarizer(options: options, background: background)
            .summarize(document, title: article.title, budget: .characters(120))
        #expect(withCuts.sentences == [
            "11月10日，农行甘孜九龙县支行成功堵截一起电信诈骗，避免客户遭受财产损失5.6万元。",
            "当日上午10时左右，九龙县支行营业大厅内，一位客户在超级柜台办理转账业务时，不停地通过微信发送消息，且非常谨慎地拒绝大堂经理为其指导…",
        ])
        #expect(withCuts.sentenceIndices.count == 2 && withCuts.sentenceIndices[1] == withCuts.sentenceIndices[0] + 1)
        #expect(withCuts.text.unicodeScalars.count == 110)  // the clause's comma became the mark
        #expect(sentencesOnly.sentences.first == withCuts.sentences.first)
        #expect(sentencesOnly.sentenceIndices.count == 2 && sentencesOnly.sentenceIndices[1] > withCuts.sentenceIndices[1])
        for (piece, index) in zip(sentencesOnly.sentences, sentencesOnly.sentenceIndices) {
            #expect(document.sentences[index].text.hasSuffix(piece))
        }
    }

    static func isCaption(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        return trimmed.hasPrefix("图为") || trimmed.hasSuffix("摄")
    }
}
