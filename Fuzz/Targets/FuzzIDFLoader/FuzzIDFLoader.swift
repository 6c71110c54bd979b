import CLibFuzzer
import DocSift
import Foundation

/// Decodes arbitrary bytes as a background IDF file three ways: as the whole file, as the
/// payload of a well-formed version-2 envelope, and as the key data of a version-1 file,
/// both with correct checksums, so that mutations reach the payload decoder. Each must give
/// a table that looks keys up and re-encodes to an equal table, or a typed
/// `BackgroundIDFError`, never a crash.
func fuzzIDFLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    decode(bytes)
    var framed = BackgroundIDF.magic + littleEndian(2, bytes: 4) + littleEndian(UInt64(bytes.count), bytes: 8) + bytes
    framed += littleEndian(fnv1a64(framed), bytes: 8)
    decode(framed)
    if bytes.count >= 20 {
        // Version 1: options (4 bytes), document and key counts, then the key data.
        let keyData = Array(bytes[20...])
        let legacy = BackgroundIDF.magic + littleEndian(1, bytes: 4) + Array(bytes[0..<20])
            + littleEndian(UInt64(keyData.count), bytes: 8) + littleEndian(fnv1a64(keyData), bytes: 8) + keyData
        decode(legacy)
    }
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
        let idf = try BackgroundIDF(serialized: bytes)
        let again = try BackgroundIDF(serialized: idf.serialized())
        precondition(again == idf, "round trip")
        let keys = NGramExtractor(options: idf.options).keys(in: "电信诈骗 安全生产 乡村振兴 党建引领") + idf.keys.prefix(8)
        let batch = idf.idf(of: keys)
        precondition(batch == keys.map { idf.idf(of: $0) })
        precondition(batch.allSatisfy(\.isFinite))
        for (key, df) in zip(idf.keys.prefix(8), idf.documentFrequencies) { precondition(idf.documentFrequency(of: key) == Int(df)) }
    } catch {
        return  // the typed BackgroundIDFError: the loader's only error
    }
}

/// Hands the callback to libFuzzer, which parses the command line and runs the inputs.
@main
enum FuzzIDFLoaderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzIDFLoader(data, size) })
    }
}
