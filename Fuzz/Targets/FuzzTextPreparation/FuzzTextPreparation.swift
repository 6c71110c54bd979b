import CLibFuzzer
import DocSift
#if canImport(Glibc)
import Glibc
#endif

/// Prepares arbitrary UTF-8 text (normalization, reflow, sentences) and checks the
/// invariants every caller relies on.
func fuzzTextPreparation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = PreparedDocument(text: text)
    let lineCount = max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count)
    for block in document.blocks {
        precondition(block.lines.lowerBound >= 1 && block.lines.upperBound <= lineCount)
    }
    for (position, sentence) in document.sentences.enumerated() {
        precondition(sentence.index == position)
        precondition(sentence.blockIndex < document.blocks.count)
        precondition(!sentence.text.contains("\n"))
    }
    _ = NGramExtractor().keys(in: text)
    return 0
}

/// Hands the callback to libFuzzer, which parses the command line and runs the inputs.
@main
enum FuzzTextPreparationMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTextPreparation(data, size) })
    }
}
