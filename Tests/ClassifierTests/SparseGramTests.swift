import Testing
import DocSift
@testable import DocSiftClassifier

/// The sparse Gram matrix (dense block for common features, posting lists for the rest)
/// equals the dense product `X·Xᵀ` on real rows: the seed articles as TF-IDF vectors.
@Suite("Sparse Gram matrix")
struct SparseGramTests {
    @Test func sparseGramEqualsTheDenseProduct() throws {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let texts = corpus.articles.map(\.text)
        let vectorizer = TFIDFVectorizer.fit(documents: texts)
        var rows = SparseRowMatrix(featureCount: vectorizer.vocabulary.count)
        for text in texts { rows.append(vectorizer.transform(text)) }
        let n = rows.rowCount
        #expect(n == 37)
        let sparse = SparseGram.compute(rows: rows)
        let dense = ExampleMatrix(rows: rows, densified: true).gram()
        #expect(sparse.rows == n && sparse.columns == n)
        var worst: Float = 0
        for k in 0..<(n * n) { worst = max(worst, abs(sparse.values[k] - dense.values[k])) }
        #expect(worst < 1e-4, "largest difference \(worst)")
        // Unit-length rows: each diagonal entry is 1.
        for i in 0..<n { #expect(abs(sparse.values[i * n + i] - 1) < 1e-4) }
    }
}
