import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import DocSiftCorpus

/// The line-length limit at its edges: a line of exactly the limit is kept, one byte more is
/// skipped as oversized, whatever the chunk size and wherever the newline falls in a chunk,
/// and reading goes on with the next line (issue #17: the buffer never holds more than the
/// limit, so an endless line costs at most that much).
@Suite("Line reader limits")
struct LineReaderLimitTests {
    /// Reads `bytes` from a file with the given limit and chunk size.
    static func lines(_ bytes: [UInt8], limit: Int, chunk: Int) throws -> [LineReader.Line] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-lines-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        try #require(descriptor >= 0)
        let reader = LineReader(descriptor: descriptor, name: url.path, closesDescriptor: true,
                                maximumLineBytes: limit, chunkSize: chunk)
        var lines: [LineReader.Line] = []
        while let line = try reader.next() { lines.append(line) }
        return lines
    }

    @Test(arguments: [1, 7, 100, 101, 4096])
    func linesAtTheLimitAreKeptAndLongerOnesSkipped(chunk: Int) throws {
        let limit = 100
        let atLimit = [UInt8](repeating: 0x61, count: limit)
        let overLimit = [UInt8](repeating: 0x62, count: limit + 1)
        let endless = [UInt8](repeating: 0, count: 5 * limit + 3)
        let input = atLimit + [0x0A] + overLimit + [0x0A] + Array("ok".utf8) + [0x0A] + endless + [0x0A]
            + Array("next".utf8) + [0x0A] + [UInt8](repeating: 0x63, count: limit + 9)
        let lines = try LineReaderLimitTests.lines(input, limit: limit, chunk: chunk)
        #expect(lines == [.text(atLimit), .oversized(byteCount: limit + 1), .text(Array("ok".utf8)),
                          .oversized(byteCount: 5 * limit + 3), .text(Array("next".utf8)), .oversized(byteCount: limit + 9)])
    }
}
