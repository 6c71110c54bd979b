import CLibFuzzer
import DocSift
#if canImport(Glibc)
import Glibc
#endif

/// Feeds arbitrary bytes to the JSONL record parser and the encoding detector: every input
/// must give a record or a typed failure, never a crash.
func fuzzJSONLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch JSONLRecordParser.parse(bytes, fallbackID: "fuzz:1") {
    case .success(let record): precondition(!record.id.isEmpty)
    case .failure(let error): precondition(!error.reason.isEmpty)
    }
    if let decoded = TextDecoding.decode(bytes) {
        precondition(size == 0 || !decoded.text.isEmpty || decoded.encoding != .utf8 || bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    }
    return 0
}

/// Hands the callback to libFuzzer, which parses the command line and runs the inputs.
@main
enum FuzzJSONLReaderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzJSONLReader(data, size) })
    }
}
