import DocSift
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writing of results to standard output, in whole records.
///
/// Results are written with `write(2)` directly: a failed write (a full disk, `/dev/full`, a
/// closed descriptor) becomes an ``OutputError`` instead of a trap, and what reaches the
/// output is always whole lines. When a write fails part way through a buffer and standard
/// output is a regular file, the file is cut back to the end of the last whole record. A
/// termination signal that arrives while a record is being written takes effect once that
/// record is complete (see ``TerminationSignals``). A reader that went away (`| head -1`)
/// ends the run quietly, as `SIGPIPE` would.
final class OutputWriter {
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16
    private let descriptor: Int32 = STDOUT_FILENO

    /// Writes one line of text (a newline is added).
    func line(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes one line given as UTF-8 bytes (a newline is added).
    func line(utf8 bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes one JSON value as a line.
    func record(_ value: RecordJSON) throws { try line(utf8: value.utf8) }

    /// Sends buffered output to standard output.
    /// - Throws: ``OutputError`` when standard output cannot take it.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        if StandardStreams.outputWasClosed { throw OutputError.writeFailed(code: EBADF) }
        let startOffset = lseek(descriptor, 0, SEEK_CUR)
        let written = TerminationSignals.whileWriting {
            buffer.withUnsafeBufferPointer { OutputWriter.writeRecords($0, to: descriptor) }
        }
        guard let failure = written.error else { return }
        if failure == EPIPE { TerminationSignals.endAsBrokenPipe() }
        OutputWriter.cutToWholeRecords(descriptor: descriptor, startOffset: startOffset,
                                       bytes: buffer, written: written.count)
        throw OutputError.writeFailed(code: failure)
    }

    /// Writes `bytes` (whole lines) to `descriptor`; on a termination request stops at the
    /// end of the record being written and ends the process.
    private static func writeRecords(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> (count: Int, error: Int32?) {
        guard let base = bytes.baseAddress else { return (0, nil) }
        var done = 0
        var end = bytes.count
        while done < end {
            let result = write(descriptor, base + done, end - done)
            if result > 0 { done += result }
            if result < 0 && errno != EINTR && errno != EAGAIN { return (done, errno) }
            if TerminationSignals.isRequested {
                // Finish the record under way, then stop.
                if done == 0 || bytes[done - 1] == UInt8(ascii: "\n") { break }
                if let newline = bytes[done...].firstIndex(of: UInt8(ascii: "\n")) { end = min(end, newline + 1) }
            }
        }
        if TerminationSignals.isRequested { TerminationSignals.endNow() }
        return (done, nil)
    }

    /// After a failed write into a regular file, removes the part of a record that did get
    /// written, so the file ends with a whole record.
    private static func cutToWholeRecords(descriptor: Int32, startOffset: off_t, bytes: [UInt8], written: Int) {
        guard written > 0, startOffset >= 0 else { return }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return }
        let whole = bytes[..<written].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        guard whole < written else { return }
        _ = ftruncate(descriptor, startOffset + off_t(whole))
    }

    /// Whether standard error is a terminal (where a progress line may be showing).
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    /// Writes a diagnostic line to standard error, best effort: a full, closed or dead
    /// standard error never stops the run or loses results. On a terminal it first clears
    /// a progress line that may be showing.
    static func diagnostic(_ text: String) {
        StandardStreams.writeDiagnostic((stderrIsTerminal ? "\r\u{1B}[K" : "") + text + "\n")
    }
}

/// Standard output could not take the results.
struct OutputError: Error, LocalizedError, CustomStringConvertible {
    /// The `errno` of the failed write.
    let code: Int32

    static func writeFailed(code: Int32) -> OutputError { OutputError(code: code) }

    var description: String {
        if code == EBADF { return "write error: standard output is closed (Bad file descriptor)" }
        return "write error: \(String(cString: strerror(code)))"
    }

    var errorDescription: String? { description }
}
