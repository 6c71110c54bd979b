#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole binary file (a model, IDF statistics) so that it is either complete or not
/// there: the bytes go to `.NAME.PID.partial` beside it, which is renamed over `path` once
/// every write succeeded and the file is closed. A path that exists and is not a regular file
/// (`/dev/null`, `/dev/full`, `/dev/stdout`, a FIFO) is written into directly, never replaced:
/// renaming over it would swap a device node for a regular file. Every failed write is an
/// error (`/dev/full`, a full disk) and a failed write leaves no partial file.
package enum OutputFile {
    /// The temporary name used beside `path` (a signal handler may remove it).
    package static func partialPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).\(getpid()).partial"
    }

    /// Writes `bytes` to `path`; `nil` when done, else a one-line reason (`strerror`, or
    /// what the path is).
    package static func write(_ bytes: [UInt8], to path: String) -> String? {
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: return "it is a directory; give a file name"
            default:
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return reason(errno) }
                return writeAll(bytes, to: descriptor)
            }
        }
        let partial = partialPath(for: path)
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return reason(errno) }
        if let failure = writeAll(bytes, to: descriptor) {
            unlink(partial)
            return failure
        }
        guard rename(partial, path) == 0 else {
            let failure = reason(errno)
            unlink(partial)
            return failure
        }
        return nil
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Writes every byte and closes `descriptor` (a close error counts: NFS reports there).
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var failure: String?
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let count = Glibc.write(descriptor, base + done, raw.count - done)
                if count > 0 { done += count } else if count < 0 && errno == EINTR { continue } else {
                    failure = reason(count < 0 ? errno : ENOSPC)
                    return
                }
            }
        }
        if close(descriptor) != 0 && failure == nil && errno != EINTR { failure = reason(errno) }
        return failure
    }
}
