import DocSiftFeatures

/// Training examples as one compressed sparse row (CSR) matrix: every row's feature indices
/// (`Int32`, ascending) and values (`Float`) side by side in two flat arrays, and where each
/// row starts. Eight bytes per non-zero entry and eight per row, against two heap arrays per
/// row for `[SparseVector]`: this is what keeps a million training examples in memory.
struct SparseRowMatrix: Sendable {
    /// Where row `i` starts in ``indices`` and ``values``; `rowCount + 1` entries.
    private(set) var rowStarts: [Int] = [0]
    /// Feature indices, row after row (ascending within a row).
    private(set) var indices: [Int32] = []
    /// The value of each listed entry.
    private(set) var values: [Float] = []
    /// Number of features (columns).
    let featureCount: Int

    /// An empty matrix over `featureCount` features.
    init(featureCount: Int) {
        self.featureCount = featureCount
    }

    /// A matrix over finished CSR arrays, as ``TrainingCorpusCounter`` builds them: starts
    /// ascending from 0 to `indices.count`, indices ascending in each row and below `featureCount`.
    init(featureCount: Int, rowStarts: [Int], indices: [Int32], values: [Float]) {
        precondition(rowStarts.first == 0 && rowStarts.last == indices.count && indices.count == values.count,
                     "CSR arrays out of step")
        self.featureCount = featureCount
        self.rowStarts = rowStarts
        self.indices = indices
        self.values = values
    }

    /// Number of rows (examples).
    var rowCount: Int { rowStarts.count - 1 }

    /// Number of stored entries.
    var nonzeroCount: Int { indices.count }

    /// The entries of row `i`: positions in ``indices`` and ``values``.
    @inline(__always)
    func entries(of i: Int) -> Range<Int> { rowStarts[i]..<rowStarts[i + 1] }

    /// Appends a row (indices ascending and below ``featureCount``, as a vectorizer makes them).
    mutating func append(_ row: SparseVector) {
        indices += row.indices
        values += row.values
        rowStarts.append(indices.count)
    }

    /// Appends every row of `other` (same features).
    mutating func append(contentsOf other: SparseRowMatrix) {
        let offset = indices.count
        indices += other.indices
        values += other.values
        rowStarts += other.rowStarts.dropFirst().map { $0 + offset }
    }

    /// Row `i`'s entries, copied (after ``prepareForSolver()`` they need not be ascending,
    /// so this is not a ``SparseVector``).
    func row(_ i: Int) -> (indices: [Int32], values: [Float]) {
        let range = entries(of: i)
        return (Array(indices[range]), Array(values[range]))
    }

    /// Renumbers the features in place by how many rows use them, most used first (ties by
    /// index), and puts each row's entries of features used by one row only (singletons)
    /// after its other entries; ``restoreNumbering(_:)`` undoes the renumbering (rows stay
    /// unsorted, which no product minds).
    ///
    /// Iterative solvers keep a `features × labels` block they read at every row entry.
    /// Renumbered, the frequent features' part of that block (most of the reads, as n-gram
    /// frequencies fall off steeply) sits together and stays in cache. A singleton couples
    /// its row with no other, so the solvers fold it into the row's own diagonal term
    /// (``SolverLayout/singletonSquares``) and never read the block for it: on headlines
    /// four features in five are singletons, holding about a quarter of the entries.
    mutating func prepareForSolver() -> SolverLayout {
        var rowsUsing = [Int32](repeating: 0, count: featureCount)
        for index in indices { rowsUsing[Int(index)] += 1 }
        let order = (0..<featureCount).sorted {
            rowsUsing[$0] != rowsUsing[$1] ? rowsUsing[$0] > rowsUsing[$1] : $0 < $1
        }
        let shared = rowsUsing.reduce(0) { $0 + ($1 > 1 ? 1 : 0) }
        var newNumber = [Int32](repeating: 0, count: featureCount)
        for (rank, feature) in order.enumerated() { newNumber[feature] = Int32(truncatingIfNeeded: rank) }
        let n = rowCount
        var sharedEnds = [Int](repeating: 0, count: n)
        var squares = [Float](repeating: 0, count: n)
        let starts = rowStarts
        var spareIndices: [Int32] = [], spareValues: [Float] = []
        indices.withUnsafeMutableBufferPointer { indices in
            values.withUnsafeMutableBufferPointer { values in
                for i in 0..<n {
                    // Stable partition: shared features first, singletons (kept aside) after.
                    var end = starts[i]
                    spareIndices.removeAll(keepingCapacity: true)
                    spareValues.removeAll(keepingCapacity: true)
                    for p in starts[i]..<starts[i + 1] {
                        let number = newNumber[Int(indices[p])]
                        if Int(number) < shared {
                            indices[end] = number
                            values[end] = values[p]
                            end += 1
                        } else {
                            spareIndices.append(number)
                            spareValues.append(values[p])
                        }
                    }
                    for k in spareIndices.indices {
                        indices[end + k] = spareIndices[k]
                        values[end + k] = spareValues[k]
                    }
                    sharedEnds[i] = end
                    var sum: Float = 0
                    for p in end..<starts[i + 1] { sum += values[p] * values[p] }
                    squares[i] = sum
                }
            }
        }
        return SolverLayout(newNumber: newNumber, sharedFeatureCount: shared, sharedEnds: sharedEnds,
                            singletonSquares: squares)
    }

    /// Undoes the renumbering of ``prepareForSolver()`` given what it returned.
    mutating func restoreNumbering(_ layout: SolverLayout) {
        let newNumber = layout.newNumber
        var oldNumber = [Int32](repeating: 0, count: featureCount)
        for (feature, number) in newNumber.enumerated() { oldNumber[Int(number)] = Int32(truncatingIfNeeded: feature) }
        indices.withUnsafeMutableBufferPointer { indices in
            for p in indices.indices { indices[p] = oldNumber[Int(indices[p])] }
        }
    }

    /// The entries of row `i` over shared features (see ``prepareForSolver()``).
    @inline(__always)
    func sharedEntries(of i: Int, in layout: SolverLayout) -> Range<Int> { rowStarts[i]..<layout.sharedEnds[i] }

    /// Bytes held by the three arrays.
    var byteCount: Int { rowStarts.count * 8 + indices.count * 4 + values.count * 4 }
}

/// How ``SparseRowMatrix/prepareForSolver()`` laid the rows out.
struct SolverLayout: Sendable {
    /// The new number of each old feature.
    let newNumber: [Int32]
    /// Features used by two rows or more: numbers `0..<sharedFeatureCount`.
    let sharedFeatureCount: Int
    /// Where each row's shared entries end (its singleton entries follow).
    let sharedEnds: [Int]
    /// Per row, the sum of squares of its singleton entries: their whole contribution to
    /// `X·Xᵀ` is this on the diagonal.
    let singletonSquares: [Float]
}
