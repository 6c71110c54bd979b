import CLibFuzzer
import DocSift
import Foundation

/// The shipped news IDF, loaded once (half the inputs go without it).
let background = try? BackgroundIDF(contentsOf: BackgroundIDF.bundledNewsURL)

/// Extracts keywords from arbitrary text (the first byte picks the count, the n-gram
/// lengths and whether the background IDF is used) and checks that there are at most as
/// many as asked, each 2–6 characters of letters or digits with a finite score, distinct,
/// best first.
func fuzzKeywords(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 1 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let flags = bytes[0]
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[1...]), as: UTF8.self)
    let count = Int(flags & 0x0F)
    var nGrams = NGramOptions(foldsDigits: flags & 0x10 == 0)
    if flags & 0x20 == 0x20 { nGrams = .unigramsAndBigrams }
    if flags & 0x40 == 0x40, let long = try? NGramOptions(minLength: 3, maxLength: 5) { nGrams = long }
    let summarizer = Summarizer(options: SummaryOptions(nGrams: nGrams), background: flags & 0x80 == 0 ? background : nil)
    let keywords = summarizer.keywords(in: text, count: count)
    precondition(keywords.count <= count)
    precondition(Set(keywords.map(\.text)).count == keywords.count, "repeated keyword")
    for (k, keyword) in keywords.enumerated() {
        precondition((2...6).contains(keyword.text.unicodeScalars.count), "keyword length")
        precondition(keyword.score.isFinite && keyword.score > 0)
        if k > 0 { precondition(keyword.score <= keywords[k - 1].score, "not best first") }
    }
    return 0
}

/// Hands the callback to libFuzzer, which parses the command line and runs the inputs.
@main
enum FuzzKeywordsMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzKeywords(data, size) })
    }
}
