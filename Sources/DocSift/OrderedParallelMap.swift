import Dispatch
import Foundation

/// Processes a stream of items on several threads and delivers the results in input order,
/// with bounded memory.
///
/// The caller feeds items one at a time; they are grouped into batches, each batch runs on
/// a worker thread, and finished batches are handed to `deliver` strictly in input order on
/// the feeding thread. Read-ahead is bounded twice: at most `2 × threads` batches, and at most
/// `maximumWeightInFlight` (e.g. bytes) in them — one batch is always allowed, however heavy.
/// When the consumer is slow, feeding blocks instead of memory growing.
public final class OrderedParallelMap<Input: Sendable, Output: Sendable> {
    private let threads: Int
    private let batchSize: Int
    private let maximumWeightInFlight: Int
    private let batchWeightLimit: Int
    private let weight: (Input) -> Int
    private let transform: @Sendable (Input) -> Output
    private let deliver: (Output) throws -> Void
    private let queue = DispatchQueue(label: "docsift.parallel", attributes: .concurrent)
    private let finished = FinishedBatches<Output>()
    private var pending: [Input] = []
    private var pendingWeight = 0
    private var batchWeights: [Int: Int] = [:]
    private var weightInFlight = 0
    private var nextBatch = 0
    private var nextToDeliver = 0

    /// - Parameters:
    ///   - threads: worker threads (≥ 1); with 1, items are transformed on the feeding thread.
    ///   - batchSize: items per batch (≥ 1).
    ///   - maximumWeightInFlight: the most total `weight` of items read ahead.
    ///   - weight: the cost of one item (e.g. its size in bytes).
    ///   - transform: the work per item; it must be safe to call from several threads.
    ///   - deliver: receives each result in input order on the feeding thread.
    public init(threads: Int, batchSize: Int = 32, maximumWeightInFlight: Int = .max,
                weight: @escaping (Input) -> Int = { _ in 1 },
                transform: @escaping @Sendable (Input) -> Output,
                deliver: @escaping (Output) throws -> Void) {
        self.threads = max(1, threads)
        self.batchSize = max(1, batchSize)
        self.maximumWeightInFlight = max(1, maximumWeightInFlight)
        self.batchWeightLimit = max(1, self.maximumWeightInFlight / (2 * self.threads))
        self.weight = weight
        self.transform = transform
        self.deliver = deliver
    }

    /// Adds one item; may block while the in-flight limit is reached.
    public func submit(_ item: Input) throws {
        if threads == 1 {
            try deliver(transform(item))
            return
        }
        pendingWeight += weight(item)
        pending.append(item)
        if pending.count >= batchSize || pendingWeight >= batchWeightLimit { try dispatchPending() }
    }

    /// Starts the items held for the next batch and delivers every result still in flight,
    /// waiting for them: for when input stalls and results should not wait for more.
    public func drain() throws {
        try finish()
    }

    /// Processes what is left and delivers every remaining result.
    public func finish() throws {
        guard threads > 1 else { return }
        try dispatchPending()
        while nextToDeliver < nextBatch {
            try deliverReady(waiting: true)
        }
    }

    private func dispatchPending() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        let batchWeight = pendingWeight
        pending.removeAll(keepingCapacity: true)
        pendingWeight = 0
        // Deliver what is ready; block for the oldest batch while too much is in flight.
        try deliverReady(waiting: false)
        while nextBatch > nextToDeliver
            && (nextBatch - nextToDeliver >= 2 * threads || weightInFlight + batchWeight > maximumWeightInFlight) {
            try deliverReady(waiting: true)
        }
        let number = nextBatch
        nextBatch += 1
        batchWeights[number] = batchWeight
        weightInFlight += batchWeight
        let transform = self.transform
        let finished = self.finished
        queue.async {
            finished.store(batch.map(transform), as: number)
        }
    }

    private func deliverReady(waiting: Bool) throws {
        var wait = waiting
        while nextToDeliver < nextBatch, let results = finished.take(nextToDeliver, waiting: wait) {
            weightInFlight -= batchWeights.removeValue(forKey: nextToDeliver) ?? 0
            nextToDeliver += 1
            wait = false
            for result in results { try deliver(result) }
        }
    }
}

/// Results of finished batches, keyed by batch number, shared between workers and the feeder.
private final class FinishedBatches<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: [Output]] = [:]

    func store(_ outputs: [Output], as number: Int) {
        condition.lock()
        results[number] = outputs
        condition.broadcast()
        condition.unlock()
    }

    /// Removes and returns batch `number`; waits for it when `waiting`, else returns `nil`
    /// if it is not finished yet.
    func take(_ number: Int, waiting: Bool) -> [Output]? {
        condition.lock()
        defer { condition.unlock() }
        while results[number] == nil {
            guard waiting else { return nil }
            condition.wait()
        }
        return results.removeValue(forKey: number)
    }
}
