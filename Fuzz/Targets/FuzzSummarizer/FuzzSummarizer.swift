import CLibFuzzer
import DocSift
import Foundation

/// The shipped news IDF, loaded once (half the inputs are summarized without it).
let background = try? BackgroundIDF(contentsOf: BackgroundIDF.bundledNewsURL)

/// Summarizes arbitrary text under options taken from the first four bytes (n-gram lengths,
/// which may be invalid, budget and kind) and checks what every caller relies on: bad
/// lengths are a typed error, and a summary keeps its budget, its sentence indices are
/// ascending, and its keywords are at most the number asked for.
func fuzzSummarizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 4 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let minLength = Int(bytes[0] & 0x0F) - 1, maxLength = Int(bytes[1]) - 2
    let budget = Int(bytes[2]) * 2 - 10
    let flags = bytes[3]
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[4...]), as: UTF8.self)
    let nGrams: NGramOptions
    do {
        nGrams = try NGramOptions(minLength: minLength, maxLength: maxLength, foldsDigits: flags & 1 == 1,
                                  includesPunctuation: flags & 2 == 2)
    } catch {
        precondition(minLength < 1 || maxLength < minLength || maxLength > NGramOptions.maximumLength)
        return 0
    }
    // Long n-grams are slow on long inputs and exercise nothing new past a few characters.
    guard nGrams.maxLength <= 12 else { return 0 }
    let options = SummaryOptions(nGrams: nGrams, cutsSentenceAtClause: flags & 4 == 4, keywordCount: Int(flags >> 4))
    let summarizer = Summarizer(options: options, background: flags & 8 == 8 ? background : nil)
    let summary: Summary
    if flags & 0x80 == 0x80 {
        summary = summarizer.summarize(text, budget: .sentences(budget / 20))
        precondition(budget / 20 > 0 || summary.sentences.isEmpty)
        precondition(summary.kind != .sentences || summary.sentences.count <= max(0, budget / 20))
    } else {
        summary = summarizer.summarize(text, maxCharacters: budget)
        precondition(summary.text.unicodeScalars.count <= max(0, budget), "over budget")
    }
    precondition(summary.sentenceIndices == summary.sentenceIndices.sorted())
    precondition(summary.keywords.count <= Int(flags >> 4))
    precondition(summary.keywords.allSatisfy { !$0.text.isEmpty && $0.score.isFinite })
    return 0
}

/// Hands the callback to libFuzzer, which parses the command line and runs the inputs.
@main
enum FuzzSummarizerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSummarizer(data, size) })
    }
}
