import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's standard descriptors as the run found them.
///
/// A descriptor closed by the caller (`>&-`, `2>&-`, `<&-`) is noted and then held open on
/// `/dev/null`, so that a file opened later never takes its number (results would otherwise
/// go into an input file's descriptor). Results to a closed standard output are a write
/// error; reading a closed standard input is an input error; diagnostics to a closed standard
/// error are dropped.
enum StandardStreams {
    /// Standard input was closed when the process started.
    nonisolated(unsafe) private(set) static var inputWasClosed = false
    /// Standard output was closed when the process started.
    nonisolated(unsafe) private(set) static var outputWasClosed = false
    /// Standard error was closed when the process started.
    nonisolated(unsafe) private(set) static var errorWasClosed = false

    /// Checks the three descriptors; call once, first thing in `main`.
    static func prepare() {
        inputWasClosed = holdIfClosed(STDIN_FILENO, flags: O_RDONLY)
        outputWasClosed = holdIfClosed(STDOUT_FILENO, flags: O_WRONLY)
        errorWasClosed = holdIfClosed(STDERR_FILENO, flags: O_WRONLY)
    }

    private static func holdIfClosed(_ descriptor: Int32, flags: Int32) -> Bool {
        guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { return false }
        let placeholder = open("/dev/null", flags)
        if placeholder >= 0 && placeholder != descriptor {
            _ = dup2(placeholder, descriptor)
            _ = close(placeholder)
        }
        return true
    }

    /// Writes `text` to standard error, ignoring every failure (full, closed, dead pipe).
    static func writeDiagnostic(_ text: String) {
        guard !errorWasClosed else { return }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var done = 0
            while done < buffer.count {
                let result = write(STDERR_FILENO, base + done, buffer.count - done)
                if result > 0 { done += result } else if result < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
