import DocSift
import Synchronization
import Testing
@testable import DocSiftFeatures

/// Issue #17: the shipped IDF's 8 MiB lookup table is built on the first lookup, not when
/// the statistics are loaded, and built once however many threads ask at the same time.
@Suite struct BuiltOnFirstUseTests {
    @Test func theValueIsMadeOnceOnFirstUseByConcurrentReaders() async {
        let calls = Calls()
        let box = BuiltOnFirstUse<[Int]> {
            calls.count.add(1, ordering: .relaxed)
            return Array(0..<100_000)
        }
        #expect(calls.count.load(ordering: .relaxed) == 0, "made before first use")
        let sums = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { box.value.reduce(0, +) } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sums == Array(repeating: 4_999_950_000, count: 8))
        #expect(calls.count.load(ordering: .relaxed) == 1)
    }

    /// How often a maker ran.
    final class Calls: Sendable {
        let count = Atomic<Int>(0)
    }

    /// The lazily built table answers as an eagerly built one would: each stored key's own
    /// frequency, 0 for keys it lacks, from threads racing for the first lookup.
    @Test func theShippedIDFAnswersFromRacingFirstLookups() async throws {
        let idf = try BackgroundIDF.loadDefault()
        try #require(idf.count > 100_000, "the shipped IDF lists \(idf.count) n-grams")
        let sample = stride(from: 0, to: idf.count, by: 97).map { idf.keys[$0] }
        let expected = stride(from: 0, to: idf.count, by: 97).map { Int(idf.documentFrequencies[$0]) }
        let answers = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 { group.addTask { sample.map { idf.documentFrequency(of: $0) } } }
            return await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(answers == Array(repeating: expected, count: 4))
        #expect(idf.documentFrequency(of: NGramKey.key(of: [0x10FFFF, 0x10FFFE])) == 0)
        #expect(idf.idf(of: sample) == sample.map { idf.idf(of: $0) })
    }
}
