import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writing of results to standard output and diagnostics to standard error.
final class OutputWriter {
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16

    /// Writes one line of text (a newline is added).
    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushThreshold { flush() }
    }

    /// Writes one line given as UTF-8 bytes (a newline is added).
    func line(utf8 bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushThreshold { flush() }
    }

    /// Writes one JSON record as a line.
    func record(_ value: JSONValue) { line(utf8: value.utf8) }

    /// Sends buffered output to standard output.
    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }

    /// Whether standard error is a terminal (where a progress line may be showing).
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    /// Writes a diagnostic line to standard error at once; on a terminal it first clears a
    /// progress line that may be showing.
    static func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data(((stderrIsTerminal ? "\r\u{1B}[K" : "") + text + "\n").utf8))
    }
}
