import Foundation
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

    @Test func readAheadIsBoundedByWeight() throws {
        // Items of weight 10 with at most 30 in flight: whenever an item is submitted, at
        // most three earlier ones can still be waiting for delivery, however many threads.
        final class Counts: @unchecked Sendable { var submitted = 0; var delivered = 0; var worst = 0 }
        let counts = Counts()
        let map = OrderedParallelMap<Int, Int>(threads: 64, batchSize: 1, maximumWeightInFlight: 30,
                                               weight: { _ in 10 }, transform: { $0 },
                                               deliver: { _ in counts.delivered += 1 })
        for i in 0..<500 {
            try map.submit(i)
            counts.submitted += 1
            counts.worst = max(counts.worst, counts.submitted - counts.delivered)
        }
        try map.finish()
        #expect(counts.delivered == 500)
        #expect(counts.worst <= 3)
    }

    @Test func drainDeliversEverythingSubmittedSoFar() throws {
        let collector = Collector()
        let map = OrderedParallelMap<Int, Int>(threads: 2, batchSize: 64, transform: { $0 * 2 },
                                               deliver: { collector.values.append($0) })
        for i in 0..<5 { try map.submit(i) }
        #expect(collector.values.isEmpty)
        try map.drain()
        #expect(collector.values == [0, 2, 4, 6, 8])
        try map.submit(5)
        try map.finish()
        #expect(collector.values == [0, 2, 4, 6, 8, 10])
    }
}

@Suite("Resource pool")
struct ResourcePoolTests {
    final class Counter { var uses = 0 }

    @Test func reusesResourcesAndNeverSharesOneAtATime() {
        let made = ResourcePool<Counter>(make: { Counter() })
        var seen: [ObjectIdentifier] = []
        for _ in 0..<5 { made.withResource { seen.append(ObjectIdentifier($0)); $0.uses += 1 } }
        #expect(Set(seen).count == 1)  // sequential use reuses the same object
        made.withResource { outer in
            made.withResource { inner in #expect(outer !== inner) }  // nested use gets another
        }
    }

    /// Two threads that take turns get back their own objects, although each finds the
    /// other's on top of the free list.
    @Test func aThreadGetsBackTheObjectItUsedLast() {
        let pool = ResourcePool<Counter>(make: { Counter() })
        let (first, second) = (SeenObjects(), SeenObjects())
        let go = DispatchSemaphore(value: 0), holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0), released = DispatchSemaphore(value: 0)
        let turn = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let other = Thread {
            go.wait()
            pool.withResource { object in
                second.record(ObjectIdentifier(object))
                holding.signal()
                release.wait()
            }
            released.signal()
            for _ in 0..<20 {
                turn.wait()
                pool.withResource { second.record(ObjectIdentifier($0)) }
                done.signal()
            }
        }
        other.start()
        // Both threads hold an object at once, so there are two; the other thread's goes
        // back last and lies on top.
        pool.withResource { object in
            first.record(ObjectIdentifier(object))
            go.signal()
            holding.wait()
        }
        release.signal()
        released.wait()
        for _ in 0..<20 {
            pool.withResource { first.record(ObjectIdentifier($0)) }
            turn.signal()
            done.wait()
        }
        #expect(first.distinct == 1)
        #expect(second.distinct == 1)
        #expect(first.seen != second.seen)
    }
}

/// The objects one thread was handed (written by that thread only, read after it is done).
final class SeenObjects: @unchecked Sendable {
    private(set) var seen: Set<ObjectIdentifier> = []
    func record(_ id: ObjectIdentifier) { seen.insert(id) }
    var distinct: Int { seen.count }
}
