import DocSiftLinearAlgebra

/// Sentence-to-sentence cosine similarities and the graph centrality they imply.
///
/// Only n-grams shared by two or more sentences can make two sentences similar, so the
/// dense matrix handed to BLAS has one column per shared n-gram (rows: sentences, values:
/// the sentences' normalized TF-IDF weights); its Gram matrix (ssyrk) is the cosine matrix.
struct SentenceGraph {
    /// Number of sentences.
    let count: Int
    /// Cosine similarities, row-major `count × count`, diagonal set to 0.
    let similarity: [Float]

    init(features: DocumentFeatures) {
        let n = features.sentenceCount
        count = n
        guard n > 1 else {
            similarity = [Float](repeating: 0, count: n * n)
            return
        }
        // Features in at least two sentences get a column (the others add nothing to a cosine).
        var column = [Int32](repeating: -1, count: features.featureCount)
        var columns = 0
        for (f, frequency) in features.sentenceFrequency.enumerated() where frequency >= 2 {
            column[f] = Int32(columns)
            columns += 1
        }
        var values = [Float](repeating: 0, count: n * columns)
        for s in 0..<n {
            let row = s * columns
            for k in features.rowStart[s]..<features.rowStart[s + 1] {
                let c = column[Int(features.rowFeature[k])]
                if c >= 0 { values[row + Int(c)] = features.rowWeight[k] }
            }
        }
        guard columns > 0, let matrix = try? DenseMatrix(rows: n, columns: columns, values: values) else {
            similarity = [Float](repeating: 0, count: n * n)
            return
        }
        var gram = MatrixProducts.gram(matrix).values
        for i in 0..<n { gram[i * n + i] = 0 }
        similarity = gram
    }

    /// Cosine of sentences `i` and `j` (0 on the diagonal).
    @inline(__always)
    func callAsFunction(_ i: Int, _ j: Int) -> Float { similarity[i * count + j] }

    /// LexRank-style centrality: the stationary distribution of a random walk that follows
    /// similarity-weighted edges with probability `damping` and jumps uniformly otherwise,
    /// by power iteration (at most `iterations` steps or until the L1 change is below `tolerance`).
    func centrality(damping: Float, iterations: Int = 100, tolerance: Float = 1e-6) -> [Float] {
        let n = count
        guard n > 0 else { return [] }
        guard n > 1 else { return [1] }
        // The transposed row-normalized transition matrix: row j holds the probabilities of
        // stepping into sentence j (a sentence with no edges jumps uniformly).
        var inbound = [Float](repeating: 0, count: n * n)
        similarity.withUnsafeBufferPointer { similarity in
            inbound.withUnsafeMutableBufferPointer { inbound in
                for i in 0..<n {
                    var sum: Float = 0
                    for j in 0..<n { sum += similarity[i * n + j] }
                    for j in 0..<n { inbound[j * n + i] = sum > 0 ? similarity[i * n + j] / sum : 1 / Float(n) }
                }
            }
        }
        var p = [Float](repeating: 1 / Float(n), count: n)
        var next = [Float](repeating: 0, count: n)
        let teleport = (1 - damping) / Float(n)
        for _ in 0..<max(1, iterations) {
            // next = damping · Tᵀ p + teleport: one 8-lane dot product per sentence (at
            // these sizes a BLAS call costs more than the arithmetic).
            var change: Float = 0
            inbound.withUnsafeBufferPointer { inbound in
                p.withUnsafeBufferPointer { p in
                    guard let rows = inbound.baseAddress, let weights = p.baseAddress else { return }
                    for j in 0..<n {
                        let row = j * n
                        var lanes = SIMD8<Float>()
                        var i = 0
                        while i + 8 <= n {
                            lanes += UnsafeRawPointer(rows + row + i).loadUnaligned(as: SIMD8<Float>.self)
                                * UnsafeRawPointer(weights + i).loadUnaligned(as: SIMD8<Float>.self)
                            i += 8
                        }
                        var sum = lanes.sum()
                        while i < n {
                            sum += inbound[row + i] * p[i]
                            i += 1
                        }
                        next[j] = teleport + damping * sum
                        change += abs(next[j] - p[j])
                    }
                }
            }
            swap(&p, &next)
            if change < tolerance { break }
        }
        return p
    }
}
