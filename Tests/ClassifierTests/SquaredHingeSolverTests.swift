import Testing
import DocSift
@testable import DocSiftClassifier

@Suite("Squared-hinge solver (dual coordinate descent)")
struct SquaredHingeSolverTests {
    /// The seed articles as TF-IDF rows, with a prior that favours `other` a little.
    func problem() throws -> (rows: SparseRowMatrix, features: Int, prior: DenseMatrix, truth: [Int], labels: [String]) {
        let corpus = try SeedCorpus(manifestURL: SeedCorpus.bundledManifestURL)
        let texts = corpus.articles.map(\.text)
        let labels = TopicLabel.allCases.map(\.rawValue)
        let vectorizer = TFIDFVectorizer.fit(documents: texts)
        var rows = SparseRowMatrix(featureCount: vectorizer.vocabulary.count)
        for text in texts { rows.append(vectorizer.transform(text)) }
        var prior = DenseMatrix(rows: rows.rowCount, columns: labels.count)
        let otherColumn = labels.firstIndex(of: "other") ?? 0
        for i in 0..<rows.rowCount { prior.values[i * labels.count + otherColumn] = 0.2 }
        let truth = corpus.articles.map { labels.firstIndex(of: $0.label) ?? -1 }
        return (rows, vectorizer.vocabulary.count, prior, truth, labels)
    }

    /// At the optimum of Σ wᵢ·max(0, 1 − yᵢfᵢ)² + λ(‖v‖² + b²), each dual coefficient is
    /// αᵢ = (wᵢ/λ)·max(0, 1 − yᵢfᵢ), i.e. the dual's projected gradient vanishes: check it
    /// for every example and label, with margins recomputed from the returned coefficients.
    @Test func solutionSatisfiesTheOptimalityConditions() throws {
        var p = try problem()
        let layout = p.rows.prepareForSolver()
        let n = p.rows.rowCount, c = p.labels.count
        let lambda: Float = 0.1
        let weights = (0..<n).map { $0 % 3 == 0 ? Float(2) : 1 }
        let (v, bias, _, dual) = SquaredHingeSolver.solve(rows: p.rows, layout: layout, labelCount: c, prior: p.prior,
                                                          truth: p.truth, lambda: lambda, weights: weights, seed: 1,
                                                          keepsDual: true)
        // v must be Xᵀ·dual, singletons included.
        var rebuilt = [Float](repeating: 0, count: p.features * c)
        for i in 0..<n {
            for q in p.rows.entries(of: i) {
                let base = Int(p.rows.indices[q]) * c
                for label in 0..<c { rebuilt[base + label] += p.rows.values[q] * dual[i * c + label] }
            }
        }
        let difference = zip(rebuilt, v.values).map { abs($0 - $1) }.max() ?? 0
        #expect(difference < 1e-4, "v differs from Xᵀ·dual by \(difference)")
        // Every projected gradient of the dual is below the solver's tolerance.
        var worst: Float = 0
        for i in 0..<n {
            let row = p.rows.row(i)
            for label in 0..<c {
                let y: Float = p.truth[i] == label ? 1 : -1
                var dot: Float = 0
                for (index, value) in zip(row.indices, row.values) { dot += value * v.values[Int(index) * c + label] }
                let f = p.prior.values[i * c + label] + bias[label] + dot
                let alpha = dual[i * c + label] * y
                #expect(alpha >= 0)
                let gradient = y * f - 1 + lambda / weights[i] * alpha
                let projected = alpha > 0 ? gradient : min(gradient, 0)
                worst = max(worst, abs(projected))
            }
        }
        #expect(worst <= SquaredHingeSolver.tolerance * 1.1, "largest projected gradient \(worst)")
    }

    @Test func theSameSeedGivesTheSameBits() throws {
        var p = try problem()
        let layout = p.rows.prepareForSolver()
        let weights = [Float](repeating: 1, count: p.rows.rowCount)
        let a = SquaredHingeSolver.solve(rows: p.rows, layout: layout, labelCount: p.labels.count, prior: p.prior, truth: p.truth,
                                         lambda: 0.1, weights: weights, seed: 9)
        let b = SquaredHingeSolver.solve(rows: p.rows, layout: layout, labelCount: p.labels.count, prior: p.prior, truth: p.truth,
                                         lambda: 0.1, weights: weights, seed: 9)
        #expect(a.deviation.values == b.deviation.values && a.bias == b.bias)
    }

    /// Conjugate gradients solve the exact ridge system: on the seed rows the dual solution
    /// agrees with the Cholesky solve.
    @Test func conjugateGradientsMatchTheCholeskySolve() throws {
        let p = try problem()
        let n = p.rows.rowCount, c = p.labels.count
        var targets = [Float](repeating: 0, count: n * c)
        for i in 0..<n where p.truth[i] >= 0 { targets[i * c + p.truth[i]] = 1 }
        let ridge = [Float](repeating: 0.3, count: n)
        var gram = ExampleMatrix(rows: p.rows, densified: true).gram()
        for i in 0..<n { gram.values[i * n + i] += ridge[i] }
        let exact = try CholeskySolver.solve(gram, DenseMatrix(rows: n, columns: c, values: targets))
        var prepared = p.rows
        let layout = prepared.prepareForSolver()
        #expect(layout.sharedFeatureCount > 0 && layout.sharedFeatureCount < p.features)
        let (solution, iterations) = RidgeConjugateGradient.solve(rows: prepared, layout: layout, targets: targets,
                                                                  labelCount: c, ridge: ridge)
        #expect(iterations > 1 && iterations < RidgeConjugateGradient.maximumIterations)
        var worst: Float = 0, largest: Float = 0
        for k in solution.indices {
            worst = max(worst, abs(solution[k] - exact.values[k]))
            largest = max(largest, abs(exact.values[k]))
        }
        // The tolerance stops at a 1 % residual: the solution is close, not equal.
        #expect(worst < 0.05 * largest, "largest difference \(worst) of \(largest)")
    }

    /// Coordinate descent on the same ridge system: after its epochs, the training rows'
    /// predicted labels are those of the Cholesky solution, and the same inputs give the same bits.
    @Test func coordinateDescentReachesTheCholeskyPredictions() throws {
        let p = try problem()
        let n = p.rows.rowCount, c = p.labels.count
        var targets = [Float](repeating: 0, count: n * c)
        for i in 0..<n where p.truth[i] >= 0 { targets[i * c + p.truth[i]] = 1 }
        let ridge = [Float](repeating: 0.3, count: n)
        let plain = ExampleMatrix(rows: p.rows, densified: true).gram()
        var gram = plain
        for i in 0..<n { gram.values[i * n + i] += ridge[i] }
        let exact = try CholeskySolver.solve(gram, DenseMatrix(rows: n, columns: c, values: targets))
        var prepared = p.rows
        let layout = prepared.prepareForSolver()
        let (solution, epochs) = RidgeCoordinateDescent.solve(
            rows: prepared, layout: layout, targets: targets, truth: p.truth, labelCount: c, ridge: ridge, seed: 7)
        #expect(epochs >= RidgeCoordinateDescent.minimumEpochs && epochs <= RidgeCoordinateDescent.maximumEpochs)
        // Training scores X·Xᵀ·A and their arg max, per row.
        func predicted(_ dual: [Float]) -> [Int] {
            (0..<n).map { i in
                let scores = (0..<c).map { label in (0..<n).reduce(Float(0)) { $0 + plain.values[i * n + $1] * dual[$1 * c + label] } }
                return scores.indices.max { scores[$0] < scores[$1] } ?? -1
            }
        }
        let ours = predicted(solution), theirs = predicted(exact.values)
        let agreeing = zip(ours, theirs).filter { $0 == $1 }.count
        #expect(Double(agreeing) >= 0.98 * Double(n), "\(agreeing) of \(n) training predictions agree")
        let again = RidgeCoordinateDescent.solve(
            rows: prepared, layout: layout, targets: targets, truth: p.truth, labelCount: c, ridge: ridge, seed: 7)
        #expect(again.solution == solution)
    }

    /// On real headlines (3,000 THUCNews dev titles → 2,000 test titles), the squared hinge
    /// lands near the exact ridge classifier, and conjugate gradients on the ridge system
    /// nearer still.
    @Test(.enabled(if: Fixtures.hasSharedData, "skipped: ../shared/data (public corpora) is absent"))
    func squaredHingeMatchesTheRidgeClassifierOnHeadlines() throws {
        let folder = Fixtures.sharedData.appendingPathComponent("thucnews_titles")
        let training = Array(try LabeledTextReader.jsonLines(folder.appendingPathComponent("dev.jsonl"), groupField: nil)
            .enumerated().filter { $0.offset % 10 < 3 }.map(\.element))
        let test = Array(try LabeledTextReader.jsonLines(folder.appendingPathComponent("test.jsonl"), groupField: nil)
            .enumerated().filter { $0.offset % 5 == 0 }.map(\.element))
        var options = TrainingOptions.corpus(for: training)
        #expect(options.loss == .squared && options.minDocumentFrequency == 1)
        options.ridgeSolver = .exactRidge
        let ridge = try TopicClassifierTrainer(options: options).train(examples: training).evaluate(test)
        options.loss = .squaredHinge
        options.regularization = 0.1
        let hinge = try TopicClassifierTrainer(options: options).train(examples: training).evaluate(test)
        #expect(hinge.accuracy > 0.75, "hinge \(hinge.accuracy)")
        #expect(abs(hinge.accuracy - ridge.accuracy) < 0.02, "hinge \(hinge.accuracy), ridge \(ridge.accuracy)")
        // The same ridge system by conjugate gradients: the same labels, nearly.
        options.loss = .squared
        options.regularization = 0.03
        options.ridgeSolver = .conjugateGradient
        let iterative = try TopicClassifierTrainer(options: options).train(examples: training).evaluate(test)
        #expect(abs(iterative.accuracy - ridge.accuracy) < 0.005, "CG \(iterative.accuracy), exact \(ridge.accuracy)")
        // And by coordinate descent (the default for corpora this size and up).
        options.ridgeSolver = .dualCoordinateDescent
        let descent = try TopicClassifierTrainer(options: options).train(examples: training).evaluate(test)
        #expect(abs(descent.accuracy - ridge.accuracy) < 0.005, "CD \(descent.accuracy), exact \(ridge.accuracy)")
    }
}
