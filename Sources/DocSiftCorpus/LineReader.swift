import Foundation

/// Reads a file or standard input line by line in fixed-size chunks, so that input of
/// any size streams through bounded memory. Lines are returned as raw bytes (`\n`
/// removed, a trailing `\r` removed).
public final class LineReader {
    private let handle: FileHandle
    private let closesHandle: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let chunkSize: Int

    /// Reads from `handle`; closes it when done if `closesHandle`.
    public init(handle: FileHandle, closesHandle: Bool, chunkSize: Int = 1 << 20) {
        self.handle = handle
        self.closesHandle = closesHandle
        self.chunkSize = chunkSize
    }

    /// Opens the file at `path` for reading.
    /// - Throws: ``CorpusError/unreadable(path:reason:)`` when it cannot be opened.
    public convenience init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CorpusError.unreadable(path: path, reason: "cannot open")
        }
        self.init(handle: handle, closesHandle: true)
    }

    deinit {
        if closesHandle { try? handle.close() }
    }

    /// The index of the next `\n` in the buffer from `start` (memchr: the reading thread
    /// of bulk verbs spends its time here).
    private func nextNewline() -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress, start < bytes.count,
                  let found = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The next line, or `nil` at the end of input.
    public func nextLine() -> [UInt8]? {
        while true {
            if let newline = nextNewline() {
                var end = newline
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var line = Array(buffer[start...])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let chunk = (try? handle.read(upToCount: chunkSize)) ?? nil
            if let chunk, !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        }
    }
}
