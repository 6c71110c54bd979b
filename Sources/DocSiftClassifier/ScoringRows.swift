import CCacheHints
import DocSiftLinearAlgebra

/// One row per feature holding its IDF and its weight for every label, laid out for
/// ``TopicScorer``: lane 0 is the IDF, lanes 1…c the label weights, padded to whole
/// 16-float vectors, so a feature with up to 15 labels is one 64-byte line and one
/// vector multiply-add. Immutable once built.
final class ScoringRows: @unchecked Sendable {
    /// 16-float vectors per row.
    let chunks: Int
    let labelCount: Int
    private let storage: UnsafeMutablePointer<SIMD16<Float>>
    /// Whether `storage` came from `docsift_allocate_table` (huge-page hinted).
    private let ownsTable: Bool
    private let bytes: Int

    /// Copies `idf` (one per feature) and `weights` (features × labels) into rows.
    init(idf: [Float], weights: DenseMatrix) {
        let c = weights.columns
        labelCount = c
        chunks = (c + 1 + 15) / 16
        let features = weights.rows
        let vectors = max(1, features * chunks)
        bytes = vectors * MemoryLayout<SIMD16<Float>>.stride
        if let table = docsift_allocate_table(bytes) {
            storage = table.bindMemory(to: SIMD16<Float>.self, capacity: vectors)
            ownsTable = true
        } else {
            // The hinted allocation failed: a plain one still works, only slower.
            storage = UnsafeMutablePointer<SIMD16<Float>>.allocate(capacity: vectors)
            storage.initialize(repeating: SIMD16<Float>(repeating: 0), count: vectors)
            ownsTable = false
        }
        let lanes = UnsafeMutableRawPointer(storage).assumingMemoryBound(to: Float.self)
        for feature in 0..<features {
            let row = lanes + feature * chunks * 16
            row[0] = feature < idf.count ? idf[feature] : 1
            for j in 0..<c { row[1 + j] = weights.values[feature * c + j] }
        }
    }

    deinit {
        if ownsTable { docsift_free_table(storage, bytes) } else { storage.deallocate() }
    }

    /// Running sums for one document.
    struct Accumulator {
        /// Lanes 1…15 of the first vector: label sums (lane 0 collects nothing useful).
        var first = SIMD16<Float>(repeating: 0)
        /// Further vectors when a model has more than 15 labels.
        var rest: [SIMD16<Float>]
        /// Σ value² of the TF-IDF vector before normalization.
        var squares: Float = 0
    }

    func makeAccumulator() -> Accumulator {
        Accumulator(rest: chunks > 1 ? [SIMD16<Float>](repeating: SIMD16<Float>(repeating: 0), count: chunks - 1) : [])
    }

    /// Starts loading the first line of a feature's row.
    @inline(__always)
    func prefetch(feature: Int) {
        docsift_prefetch_read(storage + feature * chunks)
    }

    /// Adds one feature occurrence with sublinear term frequency `termFrequency`.
    @inline(__always)
    func accumulate(feature: Int, termFrequency: Float, into accumulator: inout Accumulator) {
        let row = storage + feature * chunks
        let head = row.pointee
        let value = termFrequency * head[0]
        accumulator.squares += value * value
        accumulator.first += value * head
        if chunks > 1 {
            for chunk in 1..<chunks { accumulator.rest[chunk - 1] += value * row[chunk] }
        }
    }

    /// The label scores: sums divided by the vector's norm, plus `bias`.
    func scores(from accumulator: Accumulator, bias: [Float]) -> [Float] {
        let inverse: Float = accumulator.squares > 0 ? 1 / accumulator.squares.squareRoot() : 0
        var result = [Float](repeating: 0, count: labelCount)
        for j in 0..<labelCount {
            let lane = j + 1
            let sum = lane < 16 ? accumulator.first[lane] : accumulator.rest[lane / 16 - 1][lane % 16]
            result[j] = sum * inverse + bias[j]
        }
        return result
    }
}
