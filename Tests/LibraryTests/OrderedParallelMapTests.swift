import Testing
@testable import DocSift

@Suite("Ordered parallel map")
struct OrderedParallelMapTests {
    final class Collector { var values: [Int] = [] }

    @Test("results come back in input order", arguments: [1, 2, 4])
    func keepsInputOrder(threads: Int) throws {
        let collector = Collector()
        let map = OrderedParallelMap<Int, Int>(threads: threads, batchSize: 3, transform: { value in
            // Uneven work so that batches finish out of order.
            var x = value
            for _ in 0..<((value % 7) * 2000) { x = (x &* 31) &+ 7 }
            return value * 10 + (x == -1 ? 1 : 0)
        }, deliver: { collector.values.append($0) })
        for i in 0..<1000 { try map.submit(i) }
        try map.finish()
        #expect(collector.values == (0..<1000).map { $0 * 10 })
    }

    @Test func aThrowingConsumerStopsTheRun() throws {
        struct Stop: Error {}
        let collector = Collector()
        let map = OrderedParallelMap<Int, Int>(threads: 2, batchSize: 2, transform: { $0 }, deliver: { value in
            if value == 5 { throw Stop() }
            collector.values.append(value)
        })
        #expect(throws: Stop.self) {
            for i in 0..<100 { try map.submit(i) }
            try map.finish()
        }
        #expect(collector.values == [0, 1, 2, 3, 4])
    }
}
