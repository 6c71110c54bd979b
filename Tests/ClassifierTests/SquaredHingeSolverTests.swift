import Testing
import DocSift
@testable import DocSiftClassifier

@Suite("Squared-hinge solver (dual coordinate descent)")
struct SquaredHingeSolverTests {
    /// The seed articles as TF-IDF rows, with a prior that favours `other` a little.
    func problem() throws -> (rows: [SparseVector], features: Int, prior: DenseMatrix, truth: [Int], labels: [String]) {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let texts = corpus.articles.map(\.text)
        let labels = TopicLabel.allCases.map(\.rawValue)
        let vectorizer = TFIDFVectorizer.fit(documents: texts)
        let rows = texts.map { vectorizer.transform($0) }
        var prior = DenseMatrix(rows: rows.count, columns: labels.count)
        let otherColumn = labels.firstIndex(of: "other") ?? 0
        for i in rows.indices { prior.values[i * labels.count + otherColumn] = 0.2 }
        let truth = corpus.articles.map { labels.firstIndex(of: $0.label) ?? -1 }
        return (rows, vectorizer.vocabulary.count, prior, truth, labels)
    }

    /// At the optimum of Σ wᵢ·max(0, 1 − yᵢfᵢ)² + λ(‖v‖² + b²), each dual coefficient is
    /// αᵢ = (wᵢ/λ)·max(0, 1 − yᵢfᵢ), i.e. the dual's projected gradient vanishes: check it
    /// for every example and label, with margins recomputed from the returned coefficients.
    @Test func solutionSatisfiesTheOptimalityConditions() throws {
        let p = try problem()
        let n = p.rows.count, c = p.labels.count
        let lambda: Float = 0.1
        let weights = (0..<n).map { $0 % 3 == 0 ? Float(2) : 1 }
        let (dual, bias) = SquaredHingeSolver.solve(rows: p.rows, featureCount: p.features, prior: p.prior,
                                                    truth: p.truth, lambda: lambda, weights: weights, seed: 1)
        // v = Xᵀ·dual, then every margin.
        var v = [Float](repeating: 0, count: p.features * c)
        for i in 0..<n {
            for k in 0..<p.rows[i].indices.count {
                let base = Int(p.rows[i].indices[k]) * c
                for label in 0..<c { v[base + label] += p.rows[i].values[k] * dual.values[i * c + label] }
            }
        }
        var worst: Float = 0
        for i in 0..<n {
            for label in 0..<c {
                let y: Float = p.truth[i] == label ? 1 : -1
                let dot = v.withUnsafeBufferPointer { p.rows[i].dot(dense: $0, stride: c, offset: label) }
                let f = p.prior.values[i * c + label] + bias[label] + dot
                let alpha = dual.values[i * c + label] * y
                #expect(alpha >= 0)
                // Projected gradient of the dual: 0 at the optimum.
                let gradient = y * f - 1 + lambda / weights[i] * alpha
                let projected = alpha > 0 ? gradient : min(gradient, 0)
                worst = max(worst, abs(projected))
            }
        }
        // The solver stops once every projected gradient is below its tolerance.
        #expect(worst <= SquaredHingeSolver.tolerance * 1.1, "largest projected gradient \(worst)")
    }

    @Test func theSameSeedGivesTheSameBits() throws {
        let p = try problem()
        let weights = [Float](repeating: 1, count: p.rows.count)
        let a = SquaredHingeSolver.solve(rows: p.rows, featureCount: p.features, prior: p.prior, truth: p.truth,
                                         lambda: 0.1, weights: weights, seed: 9)
        let b = SquaredHingeSolver.solve(rows: p.rows, featureCount: p.features, prior: p.prior, truth: p.truth,
                                         lambda: 0.1, weights: weights, seed: 9)
        #expect(a.dual.values == b.dual.values && a.bias == b.bias)
    }

    /// On real headlines (3,000 THUCNews dev titles → 2,000 test titles), the squared hinge
    /// lands near the exact ridge classifier; corpora beyond the exact-ridge size use it.
    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func squaredHingeMatchesTheRidgeClassifierOnHeadlines() throws {
        let folder = Fixtures.sharedData.appendingPathComponent("thucnews_titles")
        let training = Array(try LabeledTextReader.jsonLines(folder.appendingPathComponent("dev.jsonl"), groupField: nil)
            .enumerated().filter { $0.offset % 10 < 3 }.map(\.element))
        let test = Array(try LabeledTextReader.jsonLines(folder.appendingPathComponent("test.jsonl"), groupField: nil)
            .enumerated().filter { $0.offset % 5 == 0 }.map(\.element))
        var options = TrainingOptions.corpus(for: training)
        #expect(options.loss == .squared && options.minDocumentFrequency == 1)
        let ridge = try TopicClassifierTrainer(options: options).train(examples: training).evaluate(test)
        options.loss = .squaredHinge
        options.regularization = 0.1
        let hinge = try TopicClassifierTrainer(options: options).train(examples: training).evaluate(test)
        #expect(hinge.accuracy > 0.75, "hinge \(hinge.accuracy)")
        #expect(abs(hinge.accuracy - ridge.accuracy) < 0.02, "hinge \(hinge.accuracy), ridge \(ridge.accuracy)")
        let many = training + training + training + training + training
        #expect(many.count > TrainingOptions.largestExactRidge)
        #expect(TrainingOptions.corpus(for: many).loss == .squaredHinge)
    }
}
