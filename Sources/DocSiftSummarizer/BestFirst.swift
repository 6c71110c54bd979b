/// Elements in order, best first, from a binary heap: the first few come out in time linear
/// in the count (a full sort is wasted when only the top handful are read).
struct BestFirst<Element>: IteratorProtocol {
    private var heap: [Element]
    /// `isBetter(a, b)`: `a` comes before `b`; a strict total order, so the sequence is the
    /// same as a sort by it.
    private let isBetter: (Element, Element) -> Bool

    init(_ elements: [Element], isBetter: @escaping (Element, Element) -> Bool) {
        heap = elements
        self.isBetter = isBetter
        if heap.count > 1 {
            for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        }
    }

    /// The best element not yet returned, or `nil`.
    mutating func next() -> Element? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let best = heap.removeLast()
        if !heap.isEmpty { siftDown(0) }
        return best
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let count = heap.count
        while true {
            let left = 2 * i + 1, right = left + 1
            var best = i
            if left < count && isBetter(heap[left], heap[best]) { best = left }
            if right < count && isBetter(heap[right], heap[best]) { best = right }
            if best == i { return }
            heap.swapAt(i, best)
            i = best
        }
    }
}
