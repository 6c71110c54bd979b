import CLibFuzzer
import DocSift
#if canImport(Glibc)
import Glibc
#endif

/// Decodes arbitrary bytes as a model file: each input must give a model that can label
/// text, or a typed `ModelFileError`, never a crash.
func fuzzModelLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let model = try ModelFile.decode(bytes, path: "fuzz")
        let prediction = model.classify("电信诈骗 安全生产 乡村振兴 党建引领")
        precondition(model.labels.contains(prediction.label))
    } catch is ModelFileError {
        return 0
    } catch {
        preconditionFailure("untyped error: \(error)")
    }
    return 0
}

/// Hands the callback to libFuzzer, which parses the command line and runs the inputs.
@main
enum FuzzModelLoaderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzModelLoader(data, size) })
    }
}
