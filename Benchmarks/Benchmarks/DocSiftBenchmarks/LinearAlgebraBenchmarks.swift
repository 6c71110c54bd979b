import Benchmark
import DocSift

/// BLAS against the plain Swift loop on the products DocSift computes: a block of document
/// vectors times a weight matrix, and a sentence Gram matrix.
func registerLinearAlgebraBenchmarks() {
    func matrix(_ rows: Int, _ columns: Int, seed: UInt64) -> DenseMatrix? {
        var state = seed
        let values = (0..<(rows * columns)).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 24) - 0.5
        }
        return try? DenseMatrix(rows: rows, columns: columns, values: values)
    }
    // 256 documents × 4096 dense features × 10 classes.
    guard let block = matrix(256, 4096, seed: 1), let weights = matrix(4096, 10, seed: 2),
          let sentences = matrix(60, 2000, seed: 3) else { return }
    Benchmark("block scoring 256×4096·4096×10, BLAS sgemm",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? MatrixProducts.product(block, weights))
        }
    }
    Benchmark("block scoring 256×4096·4096×10, plain loop",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PlainLoops.product(block, weights))
        }
    }
    // 60 sentences × 2,000 local features: the summarizer's similarity matrix.
    Benchmark("sentence Gram 60×2000, BLAS ssyrk",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(MatrixProducts.gram(sentences)) }
    }
    Benchmark("sentence Gram 60×2000, plain loop",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PlainLoops.product(sentences, sentences.transposed()))
        }
    }
}

/// The straightforward loops BLAS is compared with (i-k-j order, the fast loop order).
enum PlainLoops {
    static func product(_ a: DenseMatrix, _ b: DenseMatrix) -> DenseMatrix? {
        var c = [Float](repeating: 0, count: a.rows * b.columns)
        a.values.withUnsafeBufferPointer { ap in
            b.values.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    for i in 0..<a.rows {
                        for k in 0..<a.columns {
                            let aik = ap[i * a.columns + k]
                            for j in 0..<b.columns { cp[i * b.columns + j] += aik * bp[k * b.columns + j] }
                        }
                    }
                }
            }
        }
        return try? DenseMatrix(rows: a.rows, columns: b.columns, values: c)
    }
}
