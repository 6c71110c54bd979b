import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file, a pipe or standard input line by line in fixed-size chunks, so that input
/// of any size streams through bounded memory. Lines come as raw bytes (`\n` removed, a
/// trailing `\r` removed).
///
/// A line longer than ``maximumLineBytes`` is not kept: it comes back as
/// ``Line/oversized(byteCount:)`` and reading goes on after its newline, so one endless line
/// (`/dev/zero`) costs at most that much memory. Each byte is looked at once: the search for
/// a newline resumes where the last one stopped.
public final class LineReader {
    /// One line of input.
    public enum Line: Equatable, Sendable {
        /// A line's bytes.
        case text([UInt8])
        /// A line longer than the limit, skipped; `byteCount` is its length.
        case oversized(byteCount: Int)
    }

    /// Lines longer than this many bytes are skipped as ``Line/oversized(byteCount:)``.
    public let maximumLineBytes: Int
    /// Called before a read that would wait for more input (a pipe or terminal that has
    /// nothing ready): the moment to hand out finished results. Never called for files.
    public var onStall: (() throws -> Void)?

    private let descriptor: Int32
    private let name: String
    private let closesDescriptor: Bool
    private let isRegularFile: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    private var chunk: [UInt8]

    /// Reads from `descriptor` (named `name` in errors); closes it at the end if `closesDescriptor`.
    public init(descriptor: Int32, name: String, closesDescriptor: Bool,
                maximumLineBytes: Int = InputLimits.defaultMaximumRecordBytes, chunkSize: Int = 1 << 16) {
        self.descriptor = descriptor
        self.name = name
        self.closesDescriptor = closesDescriptor
        self.maximumLineBytes = max(1, maximumLineBytes)
        self.chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
        var status = stat()
        self.isRegularFile = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Opens the file at `path` for reading.
    /// - Throws: ``CorpusError/unreadable(path:reason:)`` when it cannot be opened.
    public convenience init(path: String, maximumLineBytes: Int = InputLimits.defaultMaximumRecordBytes) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CorpusError.unreadable(path: path, reason: CorpusError.systemReason(errno)) }
        self.init(descriptor: descriptor, name: path, closesDescriptor: true, maximumLineBytes: maximumLineBytes)
    }

    deinit {
        if closesDescriptor { _ = close(descriptor) }
    }

    /// The next line, or `nil` at the end of input.
    /// - Throws: ``CorpusError/unreadable(path:reason:)`` when reading fails (e.g. a directory).
    public func next() throws -> Line? {
        while true {
            if let newline = nextNewline() {
                if newline - start > maximumLineBytes {
                    let length = newline - start
                    start = newline + 1
                    scanned = start
                    return .oversized(byteCount: length)
                }
                var end = newline
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                scanned = start
                return .text(line)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var line = Array(buffer[start...])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                start = buffer.count
                scanned = start
                return .text(line)
            }
            if buffer.count - start > maximumLineBytes { return try skipOversizedLine() }
            if start > 0 {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            let count = try readChunk()
            if count == 0 {
                atEnd = true
                continue
            }
            // The line under way must end within the limit: when this chunk has no newline
            // early enough, the line is dropped before it is added, so the buffer never holds
            // more than the limit (and never grows past it by doubling its capacity).
            let pending = buffer.count - start
            if pending + count > maximumLineBytes,
               !chunk[0..<min(count, maximumLineBytes - pending + 1)].contains(0x0A) {
                return try skipOversizedLine(nextChunkCount: count)
            }
            if buffer.count + count > buffer.capacity, buffer.count + count > maximumLineBytes / 2 {
                buffer.reserveCapacity(maximumLineBytes + chunk.count)
            }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Drops the rest of a line that is already too long, up to and including its newline;
    /// `nextChunkCount` bytes of it are in the chunk just read (not added to the buffer).
    private func skipOversizedLine(nextChunkCount: Int = 0) throws -> Line {
        var length = buffer.count - start
        buffer = []
        start = 0
        scanned = 0
        var count = nextChunkCount
        while true {
            if let newline = chunk[0..<count].firstIndex(of: 0x0A) {
                length += newline
                buffer.append(contentsOf: chunk[(newline + 1)..<count])
                return .oversized(byteCount: length)
            }
            length += count
            count = try readChunk()
            guard count > 0 else {
                atEnd = true
                return .oversized(byteCount: length)
            }
        }
    }

    /// The index of the next `\n` in the buffer after what was already searched.
    private func nextNewline() -> Int? {
        let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress, scanned < bytes.count,
                  let hit = memchr(base + scanned, 0x0A, bytes.count - scanned) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if found == nil { scanned = buffer.count }
        return found
    }

    /// Reads up to one chunk; 0 at the end of input. Tells ``onStall`` first when a pipe has
    /// had nothing ready for 5 ms (a producer that is merely slower than us between two
    /// writes does not count as a stall).
    private func readChunk() throws -> Int {
        if !isRegularFile, let onStall, !LineReader.hasInputReady(descriptor, waitingMilliseconds: 0),
           !LineReader.hasInputReady(descriptor, waitingMilliseconds: 5) {
            try onStall()
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == EAGAIN {  // a non-blocking descriptor: wait for input
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&request, 1, -1)
                continue
            }
            throw CorpusError.unreadable(path: name, reason: CorpusError.systemReason(errno))
        }
    }

    private static func hasInputReady(_ descriptor: Int32, waitingMilliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, waitingMilliseconds) != 0
    }
}

/// Bounds on what one input record may cost.
public enum InputLimits {
    /// The default largest record: one JSONL line or one text file (32 MiB).
    public static let defaultMaximumRecordBytes = 32 << 20
}
