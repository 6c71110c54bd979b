import CLibFuzzer
import DocSift
#if canImport(Glibc)
import Glibc
#endif

/// Splits arbitrary text as a newspaper page: line ranges must stay inside the page,
/// ascend and never overlap between articles.
func fuzzPageSplitter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lineCount = PageLines.split(text).count
    var used = Set<Int>()
    for article in PageSplitter.articles(in: text) {
        for range in article.lines {
            precondition(range.lowerBound >= 1 && range.upperBound <= max(1, lineCount))
            for line in range { precondition(used.insert(line).inserted) }
        }
    }
    return 0
}

/// Hands the callback to libFuzzer, which parses the command line and runs the inputs.
@main
enum FuzzPageSplitterMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPageSplitter(data, size) })
    }
}
