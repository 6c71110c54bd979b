/// One text's distinct n-grams numbered densely in first-seen order (local ids), with how
/// often each occurs in the whole text and, optionally, in each run (sentence): the counts
/// the summarizer weights and compares sentences with.
package struct LocalNGrams: Sendable {
    /// The key of each local id.
    package let keys: [UInt64]
    /// Key → local id.
    package let table: KeyIndexTable
    /// The local id of each occurrence (in the order of ``NGramOccurrences``).
    package let occurrenceIDs: [Int32]
    /// Occurrences of each local id in the whole text.
    package let termCounts: [Int32]
    /// Per-run counts in CSR form: run `r` is `runStart[r]..<runStart[r + 1]` of ``runIDs``
    /// and ``runCounts`` (ids in first-occurrence order); empty unless asked for.
    package let runStart: [Int]
    package let runIDs: [Int32]
    package let runCounts: [Int32]
    /// Number of runs containing each local id (empty unless per-run counts were asked for).
    package let runFrequency: [Int32]

    /// The local n-grams of `occurrences`, whose runs start at the scalar offsets
    /// `runBounds` (ascending, then the end: one more than the number of runs); per-run
    /// counts only when `perRun` is true. Bounds out of order or range are clamped.
    package init(_ occurrences: NGramOccurrences, runBounds: [Int], perRun: Bool) {
        let (table, ids, keys, termCounts) = KeyIndexTable.numbering(occurrences.keys)
        let idCount = keys.count
        // Occurrence ranges of the runs, clamped to be ascending and within the text.
        var runOccurrences: [Int] = []
        if perRun {
            let starts = occurrences.starts
            var previous = 0
            for bound in runBounds {
                let offset = max(0, min(bound, starts.count - 1))
                previous = max(previous, Int(starts[offset]))
                runOccurrences.append(previous)
            }
        }
        let runs = max(0, runOccurrences.count - 1)
        var runStart = [Int](repeating: 0, count: perRun ? runs + 1 : 0)
        var runIDs = [Int32](repeating: 0, count: perRun ? ids.count : 0)
        var runCounts = [Int32](repeating: 0, count: perRun ? ids.count : 0)
        var runFrequency = [Int32](repeating: 0, count: perRun ? idCount : 0)
        var scratch = [Int32](repeating: 0, count: perRun ? idCount : 0)
        var entries = 0
        // Every id is below idCount (table indices are dense), every occurrence range is
        // within ids (clamped above), and each run adds at most its occurrences to the rows.
        ids.withUnsafeBufferPointer { ids in
            guard perRun else { return }
            scratch.withUnsafeMutableBufferPointer { scratch in
                runIDs.withUnsafeMutableBufferPointer { runIDs in
                    runCounts.withUnsafeMutableBufferPointer { runCounts in
                        runFrequency.withUnsafeMutableBufferPointer { runFrequency in
                            for r in 0..<runs {
                                let first = entries
                                for o in runOccurrences[r]..<runOccurrences[r + 1] {
                                    let id = Int(ids[o])
                                    if scratch[id] == 0 {
                                        runIDs[entries] = Int32(truncatingIfNeeded: id)
                                        entries &+= 1
                                    }
                                    scratch[id] &+= 1
                                }
                                for k in first..<entries {
                                    let id = Int(runIDs[k])
                                    runCounts[k] = scratch[id]
                                    runFrequency[id] &+= 1
                                    scratch[id] = 0
                                }
                                runStart[r + 1] = entries
                            }
                        }
                    }
                }
            }
        }
        runIDs.removeLast(runIDs.count - entries)
        runCounts.removeLast(runCounts.count - entries)
        self.keys = keys
        self.table = table
        self.occurrenceIDs = ids
        self.termCounts = termCounts
        self.runStart = runStart
        self.runIDs = runIDs
        self.runCounts = runCounts
        self.runFrequency = runFrequency
    }

    /// Each per-run entry's sublinear TF-IDF weight (``SublinearTF`` of ``runCounts`` times
    /// `idf` of ``runIDs``), L2-normalized within each run: the runs' TF-IDF vectors in the
    /// CSR form of ``runStart``. `idf` has one value per local id (otherwise every weight is 0).
    package func normalizedRunWeights(idf: [Float]) -> [Float] {
        guard idf.count == keys.count else { return [Float](repeating: 0, count: runIDs.count) }
        let runs = max(0, runStart.count - 1)
        return SublinearTF.table.withUnsafeBufferPointer { sublinear in
            idf.withUnsafeBufferPointer { idf in
                runIDs.withUnsafeBufferPointer { runIDs in
                    runCounts.withUnsafeBufferPointer { runCounts in
                        [Float](unsafeUninitializedCapacity: runIDs.count) { weights, initialized in
                            // runStart ascends from 0 to runIDs.count; every id is below idf.count.
                            for r in 0..<runs {
                                let lower = runStart[r], upper = runStart[r + 1]
                                var squares: Float = 0
                                for k in lower..<upper {
                                    let w = SublinearTF.weight(whole: runCounts[k], table: sublinear) * idf[Int(runIDs[k])]
                                    weights.initializeElement(at: k, to: w)
                                    squares += w * w
                                }
                                if squares > 0 {
                                    let inverse = 1 / squares.squareRoot()
                                    for k in lower..<upper { weights[k] *= inverse }
                                }
                            }
                            initialized = runIDs.count
                        }
                    }
                }
            }
        }
    }

    /// The whole text's sublinear TF-IDF vector, dense over local ids and L2-normalized
    /// (`idf` as in ``normalizedRunWeights(idf:)``).
    package func normalizedTermWeights(idf: [Float]) -> [Float] {
        guard idf.count == keys.count else { return [Float](repeating: 0, count: keys.count) }
        let sublinear = SublinearTF.table
        var squares: Float = 0
        var weights = zip(termCounts, idf).map { count, idf in
            let w = (count < 256 ? sublinear[Int(count)] : SublinearTF.weight(Int(count))) * idf
            squares += w * w
            return w
        }
        if squares > 0 {
            let inverse = 1 / squares.squareRoot()
            for f in weights.indices { weights[f] *= inverse }
        }
        return weights
    }
}
