import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading one whole file into memory with a size limit, with `open`/`read` (no extra copy,
/// nothing kept after the call, a clear reason on failure).
enum FileBytes {
    /// The bytes of the file at `path`, or a failed record naming it: unreadable, or larger
    /// than `limit` bytes (then nothing beyond the limit is read).
    static func read(_ path: String, limit: Int) -> Result<[UInt8], InputRecordError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(InputRecordError(id: path, reason: CorpusError.systemReason(errno))) }
        defer { _ = close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        if expected > limit {
            return .failure(InputRecordError(id: path, reason: InputLimits.oversizedReason(expected, limit: limit)))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(InputRecordError(id: path, reason: CorpusError.systemReason(errno)))
            }
            guard bytes.count + count <= limit else {
                return .failure(InputRecordError(id: path, reason: InputLimits.oversizedReason(bytes.count + count, limit: limit)))
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }
}

extension InputLimits {
    /// The reason of a record over the limit.
    static func oversizedReason(_ count: Int, limit: Int) -> String {
        "record of \(count) bytes is larger than the maximum record size of \(limit) bytes (raise it with --max-record-bytes)"
    }
}
