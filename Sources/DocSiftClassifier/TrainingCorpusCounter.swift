import DocSiftFeatures
import Dispatch
import Foundation

/// Cuts a training corpus into n-grams exactly once and turns it into TF-IDF rows.
///
/// While documents arrive, each distinct n-gram gets a provisional number in order of first
/// sight (a ``KeyIndexTable``, the Features hash table, filled with prefetching), its
/// document frequency is counted, and the document is kept as a row of (provisional number,
/// count) in compact storage, eight bytes per distinct n-gram. When all documents are in,
/// ``vectorized(minDocumentFrequency:maxFeatures:background:)`` chooses the vocabulary from
/// the frequencies, exactly as ``TFIDFVectorizer/fit(training:background:minDocumentFrequency:maxFeatures:)``
/// does, and rewrites the rows in place into the vectors ``TFIDFVectorizer/transform(_:)``
/// would give (same features, same floating-point operations in the same order). Memory is
/// eight bytes per row entry plus about fifty per distinct n-gram; no document is held as text.
struct TrainingCorpusCounter {
    /// Cuts text into n-gram keys.
    let extractor: NGramExtractor
    /// Provisional number of each distinct n-gram key (its index in the table).
    private var table = KeyIndexTable(expectedCount: 1 << 11)
    /// Document frequency of each provisional number.
    private var frequencies: [UInt32] = []
    /// Rows of (provisional number, count as a float) while counting.
    private var rowStarts: [Int] = [0]
    private var numbers: [Int32] = []
    private var counts: [Float] = []
    /// Documents counted (rows and frequency-only documents).
    private(set) var documentCount = 0
    private let scratch = NGramCounts()
    private var batch: [UInt64] = []
    private var batchCounts: [UInt32] = []

    /// An empty counter for n-grams of `options`.
    init(options: NGramOptions) {
        extractor = NGramExtractor(options: options)
    }

    /// Number of rows kept.
    var rowCount: Int { rowStarts.count - 1 }
    /// Number of distinct n-grams seen.
    var distinctCount: Int { table.count }
    /// Number of row entries kept.
    var entryCount: Int { numbers.count }

    /// Counts one document; `keepsRow` false counts it for the vocabulary and IDF only
    /// (pseudo-documents).
    mutating func add(_ text: String, keepsRow: Bool = true) {
        scratch.count(text, with: extractor)
        batch.removeAll(keepingCapacity: true)
        batchCounts.removeAll(keepingCapacity: true)
        scratch.forEach { key, count in
            batch.append(key)
            batchCounts.append(count)
        }
        addBatch(keepsRow: keepsRow)
    }

    /// Counts `texts` as ``add(_:keepsRow:)`` would one after another, with the n-gram
    /// cutting (most of the work) shared among `threads` threads: each cuts its own run of
    /// a chunk, and the counts enter the table in document order, so the numbers, rows and
    /// model bytes are the same for any thread count.
    mutating func add(contentsOf texts: [String], threads: Int) {
        guard threads > 1, texts.count > 1 else {
            for text in texts { add(text) }
            return
        }
        let perThread = 2048
        var start = 0
        while start < texts.count {
            let end = min(texts.count, start + perThread * threads)
            let cuts = CutDocuments(count: threads)
            let extractor = self.extractor, first = start
            DispatchQueue.concurrentPerform(iterations: threads) { part in
                let from = min(end, first + part * perThread), to = min(end, from + perThread)
                let counts = NGramCounts()
                var documents: [(keys: [UInt64], counts: [UInt32])] = []
                documents.reserveCapacity(to - from)
                for k in from..<to {
                    counts.count(texts[k], with: extractor)
                    var keys: [UInt64] = [], tallies: [UInt32] = []
                    counts.forEach { key, count in
                        keys.append(key)
                        tallies.append(count)
                    }
                    documents.append((keys, tallies))
                }
                cuts.store(documents, at: part)
            }
            for part in 0..<threads {
                for document in cuts.take(part) {
                    batch = document.keys
                    batchCounts = document.counts
                    addBatch(keepsRow: true)
                }
            }
            start = end
        }
    }

    /// Enters the document in ``batch`` and ``batchCounts``.
    private mutating func addBatch(keepsRow: Bool) {
        var found = documentNumbers
        found.removeAll(keepingCapacity: true)
        documentNumbers = []
        let first = table.count
        table.appendIndices(inserting: batch, to: &found)
        if table.count > first { frequencies += repeatElement(0, count: table.count - first) }
        frequencies.withUnsafeMutableBufferPointer { frequencies in
            for number in found { frequencies[Int(number)] &+= 1 }
        }
        if keepsRow {
            numbers += found
            counts += batchCounts.lazy.map { Float($0) }
            rowStarts.append(numbers.count)
        }
        documentNumbers = found
        documentCount += 1
    }

    /// Numbers of the current document's n-grams (scratch, reused).
    private var documentNumbers: [Int32] = []

    /// The vectorizer these counts give and every kept document as its TF-IDF row.
    ///
    /// The vocabulary holds the n-grams found in at least `minDocumentFrequency` documents
    /// (at most `maxFeatures`, the most frequent first, ties by key), in key order; IDF counts
    /// `background` documents too. The counter is consumed: its rows become the result's.
    consuming func vectorized(minDocumentFrequency: Int, maxFeatures: Int?,
                              background: DocumentFrequencies?) -> (vectorizer: TFIDFVectorizer, rows: SparseRowMatrix) {
        // Key of each provisional number.
        var keys = [UInt64](repeating: 0, count: table.count)
        table.forEach { key, number in keys[Int(number)] = key }
        // Provisional numbers that make the vocabulary, ordered by key.
        var kept: [Int32] = []
        kept.reserveCapacity(keys.count)
        for number in keys.indices where Int(frequencies[number]) >= minDocumentFrequency {
            kept.append(Int32(truncatingIfNeeded: number))
        }
        let frequencies = self.frequencies
        if let maxFeatures, kept.count > maxFeatures {
            kept.sort { a, b in
                let fa = frequencies[Int(a)], fb = frequencies[Int(b)]
                return fa != fb ? fa > fb : keys[Int(a)] < keys[Int(b)]
            }
            kept.removeLast(kept.count - max(0, maxFeatures))
        }
        // The vocabulary in key order (as the vectorizer orders it); each key's number from the table.
        var vocabularyKeys = kept.map { keys[Int($0)] }
        kept = []
        RadixSort.sort(&vocabularyKeys)
        var featureOf = [Int32](repeating: -1, count: keys.count)
        for (feature, key) in vocabularyKeys.enumerated() {
            if let number = table.index(of: key) { featureOf[Int(number)] = Int32(truncatingIfNeeded: feature) }
        }
        keys = []
        table = KeyIndexTable(expectedCount: 0)
        let total = documentCount + (background?.documentCount ?? 0)
        let backgroundFrequencies = background?.counts.counts(of: vocabularyKeys)
        var idf = [Float](repeating: 0, count: vocabularyKeys.count)
        for number in featureOf.indices where featureOf[number] >= 0 {
            let feature = Int(featureOf[number])
            let df = Int(frequencies[number]) + (backgroundFrequencies?[feature] ?? 0)
            idf[feature] = DocumentFrequencies.smoothIDF(documentFrequency: df, documentCount: total)
        }
        let vectorizer = TFIDFVectorizer(options: extractor.options, vocabulary: Vocabulary(keys: vocabularyKeys), idf: idf)
        self.frequencies = []

        // Rows rewritten in place: an entry never moves right, as dropped n-grams only shrink rows.
        // The arrays are moved out of `self` first, so that writing them never copies them.
        var numbers: [Int32] = [], counts: [Float] = [], rowStarts: [Int] = []
        swap(&numbers, &self.numbers)
        swap(&counts, &self.counts)
        swap(&rowStarts, &self.rowStarts)
        var starts = rowStarts
        var packed: [UInt64] = []
        var written = 0
        numbers.withUnsafeMutableBufferPointer { numbers in
            counts.withUnsafeMutableBufferPointer { values in
                idf.withUnsafeBufferPointer { idf in
                    SublinearTF.table.withUnsafeBufferPointer { sublinear in
                        for i in 0..<(starts.count - 1) {
                            let range = rowStarts[i]..<rowStarts[i + 1]
                            packed.removeAll(keepingCapacity: true)
                            for p in range {
                                let feature = featureOf[Int(numbers[p])]
                                guard feature >= 0 else { continue }
                                packed.append(UInt64(UInt32(bitPattern: feature)) << 32 | UInt64(UInt32(values[p])))
                            }
                            // Features are distinct within a row: ordering by the upper half sorts
                            // it. Radix passes pay off on long rows (articles), the comparison
                            // sort on short ones (headlines).
                            if packed.count >= 256 { RadixSort.sort(&packed, bytes: 4..<8) } else { packed.sort() }
                            let start = written
                            for entry in packed {
                                let feature = Int32(truncatingIfNeeded: entry >> 32)
                                numbers[written] = feature
                                values[written] = SublinearTF.weight(UInt32(truncatingIfNeeded: entry), table: sublinear)
                                    * idf[Int(feature)]
                                written += 1
                            }
                            // L2 normalization, the same sums as the vectorizer's.
                            var s: Float = 0
                            for p in start..<written { s += values[p] * values[p] }
                            if s > 0 {
                                let inverse = 1 / s.squareRoot()
                                for p in start..<written { values[p] *= inverse }
                            }
                            starts[i + 1] = written
                        }
                    }
                }
            }
        }
        numbers.removeLast(numbers.count - written)
        counts.removeLast(counts.count - written)
        let rows = SparseRowMatrix(featureCount: vectorizer.vocabulary.count, rowStarts: starts,
                                   indices: numbers, values: counts)
        return (vectorizer, rows)
    }
}

/// The cut documents of one chunk, one slot per thread; each thread writes only its own slot.
private final class CutDocuments: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[(keys: [UInt64], counts: [UInt32])]]

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func store(_ documents: [(keys: [UInt64], counts: [UInt32])], at part: Int) {
        lock.lock()
        defer { lock.unlock() }
        parts[part] = documents
    }

    func take(_ part: Int) -> [(keys: [UInt64], counts: [UInt32])] {
        lock.lock()
        defer { lock.unlock() }
        let documents = parts[part]
        parts[part] = []
        return documents
    }
}
