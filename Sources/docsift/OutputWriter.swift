import Foundation

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

    /// Writes one JSON record as a line.
    func record(_ value: JSONValue) { line(value.serialized) }

    /// Sends buffered output to standard output.
    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }

    /// Writes a diagnostic line to standard error at once.
    static func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
