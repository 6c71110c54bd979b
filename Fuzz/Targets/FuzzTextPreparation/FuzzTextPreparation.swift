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
    // Line numbers count U+000A scalars (as Characters, "\r\n" would be one).
    let lineCount = 1 + text.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
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
