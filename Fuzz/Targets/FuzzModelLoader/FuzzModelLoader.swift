import CLibFuzzer
import DocSift
#if canImport(Glibc)
import Glibc
#endif

/// Decodes arbitrary bytes as a model file, twice: as the whole file (magic, version, size
/// and checksum checks) and as the payload of a well-formed envelope with a correct
/// checksum, so that mutations also reach the payload decoder. Each must give a model that
/// can label text, or a typed `ModelFileError`, never a crash.
func fuzzModelLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    decode(bytes)
    var framed = ModelFile.magic
    framed += littleEndian(UInt64(ModelFile.formatVersion), bytes: 4)
    framed += littleEndian(UInt64(bytes.count), bytes: 8)
    framed += bytes
    framed += littleEndian(fnv1a64(framed), bytes: 8)  // version 2: the checksum covers the whole file
    decode(framed)
    return 0
}

func littleEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
    (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
}

/// FNV-1a 64, the checksum of DocSift's binary files.
func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
}

func decode(_ bytes: [UInt8]) {
    do {
        let model = try ModelFile.decode(bytes, path: "fuzz")
        let prediction = model.classify("电信诈骗 安全生产 乡村振兴 党建引领")
        precondition(model.labels.contains(prediction.label))
    } catch is ModelFileError {
        return
    } catch {
        preconditionFailure("untyped error: \(error)")
    }
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
