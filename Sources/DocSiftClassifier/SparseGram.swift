import CCacheHints
import DocSiftFeatures
import DocSiftLinearAlgebra

/// The Gram matrix `X·Xᵀ` of sparse example rows, computed in two parts split by how many
/// rows use a feature.
///
/// Common features (used by at least a quarter of the rows, e.g. frequent characters) are
/// gathered into a dense `n × h` block whose Gram matrix is one `ssyrk`; there, dense
/// linear algebra is the honest tool. Every other feature contributes through its posting
/// list, row by row: for row `i`, each of its rare features adds `xᵢ·xⱼ` for the earlier
/// rows `j` that share it. The split point balances the two costs: a dense column costs
/// `n²/2` multiply-adds at BLAS speed, a posting list of length `d` about `d²/2` scalar ones.
enum SparseGram {
    /// `X·Xᵀ` (n×n, symmetric) for rows over `featureCount` features.
    static func compute(rows: SparseRowMatrix) -> DenseMatrix {
        let n = rows.rowCount
        let featureCount = rows.featureCount
        guard n > 0 else { return DenseMatrix(rows: 0, columns: 0) }
        var rowsUsing = [Int32](repeating: 0, count: featureCount)
        for index in rows.indices { rowsUsing[Int(index)] += 1 }
        let threshold = Int32(max(32, n / 4))
        // Dense column of each common feature, -1 for the others.
        var denseColumn = [Int32](repeating: -1, count: featureCount)
        var commonCount = 0
        for feature in 0..<featureCount where rowsUsing[feature] >= threshold {
            denseColumn[feature] = Int32(commonCount)
            commonCount += 1
        }
        var gram = DenseMatrix(rows: n, columns: n)
        if commonCount > 0 {
            var block = DenseMatrix(rows: n, columns: commonCount)
            for i in 0..<n {
                for p in rows.entries(of: i) {
                    let column = denseColumn[Int(rows.indices[p])]
                    if column >= 0 { block.values[i * commonCount + Int(column)] = rows.values[p] }
                }
            }
            gram = MatrixProducts.gram(block)
        }
        addRareFeatureProducts(rows: rows, rowsUsing: rowsUsing, denseColumn: denseColumn, into: &gram)
        return gram
    }

    /// Adds the products over features without a dense column, through posting lists
    /// (rows in ascending order, so each row only meets earlier ones).
    private static func addRareFeatureProducts(rows: SparseRowMatrix, rowsUsing: [Int32], denseColumn: [Int32],
                                               into gram: inout DenseMatrix) {
        let n = rows.rowCount
        let featureCount = rowsUsing.count
        var start = [Int](repeating: 0, count: featureCount + 1)
        for feature in 0..<featureCount {
            start[feature + 1] = start[feature] + (denseColumn[feature] < 0 ? Int(rowsUsing[feature]) : 0)
        }
        var postedRow = [Int32](repeating: 0, count: start[featureCount])
        var postedValue = [Float](repeating: 0, count: start[featureCount])
        var next = start
        for i in 0..<n {
            for p in rows.entries(of: i) {
                let feature = Int(rows.indices[p])
                guard denseColumn[feature] < 0 else { continue }
                postedRow[next[feature]] = Int32(i)
                postedValue[next[feature]] = rows.values[p]
                next[feature] += 1
            }
        }
        // Rows are visited in ascending order, so row i's posting in a feature's list comes
        // right after those of the earlier rows: `end[feature]` walks each list along.
        var end = start
        var sums = [Float](repeating: 0, count: n)
        let ahead = 4
        postedRow.withUnsafeBufferPointer { postedRow in
            postedValue.withUnsafeBufferPointer { postedValue in
                sums.withUnsafeMutableBufferPointer { sums in
                    gram.values.withUnsafeMutableBufferPointer { g in
                        guard let rowBase = postedRow.baseAddress, let valueBase = postedValue.baseAddress else { return }
                        for i in 0..<n {
                            let entries = rows.entries(of: i)
                            for q in entries {
                                // Each posting list starts somewhere else in memory: start loading
                                // the list a few features on while this one is summed.
                                if q + ahead < entries.upperBound {
                                    let later = start[Int(rows.indices[q + ahead])]
                                    docsift_prefetch_read(rowBase + later)
                                    docsift_prefetch_read(valueBase + later)
                                }
                                let feature = Int(rows.indices[q])
                                guard denseColumn[feature] < 0 else { continue }
                                let x = rows.values[q]
                                end[feature] += 1  // now past row i's own posting
                                for p in start[feature]..<end[feature] {
                                    sums[Int(postedRow[p])] += x * postedValue[p]
                                }
                            }
                            for j in 0..<i {
                                g[i * n + j] += sums[j]
                                g[j * n + i] += sums[j]
                                sums[j] = 0
                            }
                            g[i * n + i] += sums[i]
                            sums[i] = 0
                        }
                    }
                }
            }
        }
    }
}
