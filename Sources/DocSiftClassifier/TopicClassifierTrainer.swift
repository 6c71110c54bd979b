import DocSiftFeatures
import DocSiftLinearAlgebra
import DocSiftText

/// Trains a ``TopicModel``: a ridge classifier over TF-IDF character n-grams whose weights
/// start from a prior built out of topic profiles.
///
/// 1. Pseudo-documents are sampled from each profile (`PseudoDocumentSampler`); the
///    vocabulary is learned from examples plus pseudo-documents, IDF also from background texts.
/// 2. Each profiled label's prior weight column `W₀` is the normalized centroid of its
///    pseudo-documents, times ``TrainingOptions/profilePriorScale``.
/// 3. The examples fit the deviation from the prior in the dual:
///    `minimize ‖X·W + 1·bᵀ − Y‖² + λ‖W − W₀‖²` gives `W = W₀ + Xᵀ·A` with
///    `(X·Xᵀ + λI)·A = Y − X·W₀ − 1·bᵀ`, solved exactly (Gram matrix by ssyrk, Cholesky by
///    sposv) or by conjugate gradients over the sparse rows, whichever
///    ``TrainingOptions/solver(rowCount:nonzeros:featureCount:labelCount:)`` estimates
///    cheaper; the squared hinge is solved by dual coordinate descent (`SquaredHingeSolver`).
///    Examples are held as compact sparse rows (`SparseRowMatrix`), counted once.
/// 4. Out-of-fold scores from cross-validation inside the training examples only (leave
///    one group out when there are at least three groups; from 1,000 examples on, the exact
///    fit's closed-form leave-one-out scores, or one held-out fold of an iterative fit) calibrate each label's score into
///    a probability and choose the abstain and secondary thresholds, so an outer
///    evaluation stays honest (`calibratedRule(examples:backgroundExamples:pseudo:backgroundFrequencies:labels:abstainIndex:)`).
///
/// Without profiles this is a plain one-vs-rest ridge classifier for any label set.
///
/// The same examples and options give the same model bytes for a given BLAS library and
/// BLAS thread count (a multithreaded OpenBLAS sums in another order); `docsift train`
/// pins BLAS to one thread.
public struct TopicClassifierTrainer: Sendable {
    /// The training options.
    public var options: TrainingOptions

    /// The calibration method; `nil` (the default) lets the amount of out-of-fold evidence
    /// decide (`CalibrationFitting`).
    public var calibrationMethod: CalibrationMethod?

    /// Called as each phase of a fit ends (for progress and `--verbose`); `nil` by default.
    public var phaseObserver: (@Sendable (TrainingPhase) -> Void)?

    /// Threads that cut the training texts into n-grams (the counting pass); the model bytes
    /// are the same for any count. 1 by default.
    public var countingThreads = 1

    /// A trainer with the given options.
    public init(options: TrainingOptions = TrainingOptions(),
                phaseObserver: (@Sendable (TrainingPhase) -> Void)? = nil) {
        self.options = options
        self.phaseObserver = phaseObserver
    }

    /// Counts background texts once, for reuse across many trainings (IDF only).
    public func backgroundFrequencies(_ texts: [String]) -> DocumentFrequencies {
        var frequencies = DocumentFrequencies(options: options.ngrams)
        frequencies.add(contentsOf: texts.map { FeatureText.prepare($0, converting: options.convertsTraditional) })
        return frequencies
    }

    /// Trains on labeled examples, optional profiles, and background texts (IDF, and with
    /// ``TrainingOptions/backgroundExampleLabel`` also weighted examples of that label).
    /// The examples are consumed: a caller that passes `consume` them frees their texts as
    /// soon as they are prepared for features.
    public func train(examples: consuming [LabeledText], profiles: TopicProfiles? = nil, background: [String] = []) throws -> TopicModel {
        try train(examples: consume examples, profiles: profiles,
                  backgroundFrequencies: background.isEmpty ? nil : backgroundFrequencies(background),
                  backgroundExamples: backgroundExamples(background))
    }

    /// The background examples these options make of `texts`: at most
    /// ``TrainingOptions/maxBackgroundExamples``, evenly spaced, labeled
    /// ``TrainingOptions/backgroundExampleLabel``; none when that label is `nil`.
    public func backgroundExamples(_ texts: [String]) -> [LabeledText] {
        guard let label = options.backgroundExampleLabel, !texts.isEmpty, options.maxBackgroundExamples > 0 else { return [] }
        let count = min(texts.count, options.maxBackgroundExamples)
        return (0..<count).map { LabeledText(text: texts[$0 * texts.count / count], label: label, group: nil) }
    }

    /// Trains on labeled examples, optional profiles, and pre-counted background frequencies.
    /// - Throws: ``ClassifierError`` for empty data, bad options, or a numerical failure.
    /// `backgroundExamples` join every fit (also inside threshold selection) with weight
    /// ``TrainingOptions/backgroundExampleWeight``; they are never held out.
    public func train(examples: consuming [LabeledText], profiles: TopicProfiles?, backgroundFrequencies: DocumentFrequencies?,
                      backgroundExamples: [LabeledText] = []) throws -> TopicModel {
        try options.validate()
        let examples = (consume examples).map { $0.prepared(converting: options.convertsTraditional) }
        let backgroundExamples = backgroundExamples.map { $0.prepared(converting: options.convertsTraditional) }
        try profiles?.validate()
        guard !examples.isEmpty || !(profiles?.topics.isEmpty ?? true) else {
            throw ClassifierError.invalidTraining("no examples and no profiles")
        }
        let extractor = NGramExtractor(options: options.ngrams)
        guard examples.isEmpty || examples.contains(where: { !extractor.keys(in: $0.text).isEmpty }) else {
            throw ClassifierError.invalidTraining("every example's text is empty (no character n-grams): nothing to learn from; check the text field")
        }
        if let backgroundFrequencies, backgroundFrequencies.extractor.options != options.ngrams {
            throw ClassifierError.invalidTraining("background frequencies were counted with other n-gram options")
        }
        let labels = Self.labelOrder(examples: examples + backgroundExamples, profiles: profiles)
        let pseudo = pseudoDocuments(profiles)
        let abstainIndex = options.abstainLabel.flatMap { labels.firstIndex(of: $0) }
        // A large corpus that is still solved exactly (its n × n system in memory) is
        // calibrated on the final fit's closed-form leave-one-out scores: no extra fit.
        // Otherwise calibration fits first, so that its fit and the final one are never
        // held at the same time.
        let rowCount = examples.count + backgroundExamples.count
        var part: FittedParts
        let rule: DecisionRule
        if examples.count >= Self.singleHoldOutMinimum, rowCount * rowCount <= ExampleMatrix.denseBudget {
            part = try fit(examples: examples, extra: backgroundExamples, pseudo: pseudo, background: backgroundFrequencies,
                           labels: labels, leaveOneOut: true)
            rule = try calibratedRule(
                examples: examples, backgroundExamples: backgroundExamples, pseudo: pseudo,
                backgroundFrequencies: backgroundFrequencies, labels: labels, abstainIndex: abstainIndex,
                leaveOneOut: part.leaveOneOutScores)
            part.leaveOneOutScores = nil
        } else {
            rule = try calibratedRule(
                examples: examples, backgroundExamples: backgroundExamples, pseudo: pseudo,
                backgroundFrequencies: backgroundFrequencies, labels: labels, abstainIndex: abstainIndex)
            part = try fit(examples: examples, extra: backgroundExamples, pseudo: pseudo, background: backgroundFrequencies, labels: labels)
        }
        if let limit = options.maxModelFeatures { part = Self.pruned(part, keeping: limit) }
        return try TopicModel(labels: labels, vectorizer: part.vectorizer, weights: part.weights, bias: part.bias, rule: rule,
                              convertsTraditional: options.convertsTraditional)
    }

    /// The labels a model trained on these inputs knows: profile labels in file order,
    /// then the remaining example labels sorted.
    public static func labelOrder(examples: [LabeledText], profiles: TopicProfiles?) -> [String] {
        var labels = profiles?.labels ?? []
        let known = Set(labels)
        labels += Set(examples.map(\.label)).subtracting(known).sorted()
        return labels
    }

    /// The pseudo-documents these options sample from `profiles`.
    public func pseudoDocuments(_ profiles: TopicProfiles?) -> [LabeledText] {
        guard let profiles else { return [] }
        return PseudoDocumentSampler(
            documentsPerTopic: options.pseudoDocumentsPerTopic,
            phrasesPerDocument: options.phrasesPerPseudoDocument,
            seed: options.samplingSeed).sample(profiles)
    }

    /// Vectorizer, weights and bias of one fit (no thresholds).
    struct FittedParts {
        var vectorizer: TFIDFVectorizer
        var weights: DenseMatrix
        var bias: [Float]
        /// Each row's leave-one-out scores (rows × labels, examples then extra), when asked
        /// for and the fit was exact; `nil` otherwise.
        var leaveOneOutScores: DenseMatrix? = nil
    }

    /// One fit: `examples` (weight 1) and `extra` (background examples, weighted, not in
    /// the vocabulary) against labels `labels`.
    /// With `leaveOneOut`, an exact fit also returns each row's leave-one-out scores.
    func fit(examples trainingExamples: [LabeledText], extra: [LabeledText] = [], pseudo: [LabeledText],
             background: DocumentFrequencies?, labels: [String], leaveOneOut: Bool = false) throws -> FittedParts {
        // Each example is cut into n-grams once; its row is kept compactly until the
        // vocabulary is known, then rewritten in place as its TF-IDF vector.
        var counter = TrainingCorpusCounter(options: options.ngrams)
        counter.add(contentsOf: trainingExamples.map(\.text), threads: countingThreads)
        for document in pseudo { counter.add(document.text, keepsRow: false) }
        report(.counted(documents: counter.documentCount, distinctNGrams: counter.distinctCount, entries: counter.entryCount))
        var (vectorizer, rows) = (consume counter).vectorized(
            minDocumentFrequency: options.minDocumentFrequency, maxFeatures: options.maxVocabulary, background: background)
        let counts = NGramCounts()
        for example in extra { rows.append(vectorizer.transform(example.text, using: counts)) }
        report(.vectorized(features: vectorizer.vocabulary.count, nonzeros: rows.nonzeroCount))
        let labelIndex = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let truth = trainingExamples.map { labelIndex[$0.label] ?? -1 } + extra.map { labelIndex[$0.label] ?? -1 }
        let sampleWeights = [Float](repeating: 1, count: trainingExamples.count)
            + [Float](repeating: options.backgroundExampleWeight, count: extra.count)
        return try fit(rows: &rows, truth: truth, sampleWeights: sampleWeights, vectorizer: vectorizer,
                       pseudo: pseudo, labels: labels, leaveOneOut: leaveOneOut)
    }

    /// The solve of one fit, over vectorized rows (`truth`: label index per row, −1 = none).
    /// The rows are spent: an iterative solver releases them once solved.
    func fit(rows: inout SparseRowMatrix, truth: [Int], sampleWeights: [Float], vectorizer: TFIDFVectorizer,
             pseudo: [LabeledText], labels: [String], leaveOneOut: Bool = false) throws -> FittedParts {
        let featureCount = vectorizer.vocabulary.count
        let c = labels.count
        // The weights are allocated when first needed: without a prior, only after the solve,
        // so that the solver's own blocks and the weights are not held at the same time.
        let hasPrior = options.profilePriorScale > 0 && !pseudo.isEmpty
        var weights = DenseMatrix(rows: hasPrior ? featureCount : 0, columns: hasPrior ? c : 0)

        // Profile prior: normalized centroid of each label's pseudo-documents.
        if hasPrior {
            let counts = NGramCounts()
            for (column, label) in labels.enumerated() {
                var centroid = [Float](repeating: 0, count: featureCount)
                for document in pseudo where document.label == label {
                    let vector = vectorizer.transform(document.text, using: counts)
                    for k in 0..<vector.indices.count { centroid[Int(vector.indices[k])] += vector.values[k] }
                }
                let norm = VectorOperations.norm(centroid)
                guard norm > 0 else { continue }
                let factor = options.profilePriorScale / norm
                for index in 0..<featureCount where centroid[index] != 0 {
                    weights.values[index * c + column] = centroid[index] * factor
                }
            }
        }
        var bias = [Float](repeating: 0, count: c)
        var leaveOneOutScores: DenseMatrix?
        let n = rows.rowCount
        guard n > 0 else {
            if !hasPrior { weights = DenseMatrix(rows: featureCount, columns: c) }
            return FittedParts(vectorizer: vectorizer, weights: weights, bias: bias)
        }

        let solver = options.solver(rowCount: n, nonzeros: rows.nonzeroCount, featureCount: featureCount, labelCount: c)
        var matrix: ExampleMatrix? = ExampleMatrix(rows: rows, densified: solver == .exactRidge)
        // X·W₀ (none without a profile prior).
        let prior = try weights.values.contains { $0 != 0 } ? matrix?.times(weights) : nil
        if solver != .exactRidge { matrix = nil }  // the iterative solvers renumber `rows` in place
        switch solver {
        case .dualCoordinateDescent where options.loss == .squaredHinge:
            let layout = rows.prepareForSolver()
            let newNumber = layout.newNumber
            let (deviation, intercept, passes, _) = SquaredHingeSolver.solve(
                rows: rows, layout: layout, labelCount: c, prior: prior, truth: truth,
                lambda: options.regularization, weights: sampleWeights, seed: options.samplingSeed)
            rows = SparseRowMatrix(featureCount: 0)
            bias = intercept
            if !hasPrior { weights = DenseMatrix(rows: featureCount, columns: c) }
            for feature in 0..<featureCount {
                let from = Int(newNumber[feature]) * c
                for column in 0..<c { weights.values[feature * c + column] += deviation.values[from + column] }
            }
            report(.solved(solver: solver, iterations: passes))
        case .exactRidge, .conjugateGradient, .dualCoordinateDescent:
            // Residual targets R = Y − X·W₀, centred per label (the centre is the bias).
            var residual = [Float](repeating: 0, count: n * c)
            for i in 0..<n {
                for column in 0..<c {
                    residual[i * c + column] = (truth[i] == column ? 1 : 0) - (prior?.values[i * c + column] ?? 0)
                }
            }
            // Weighted least squares: the bias is the weighted mean residual, and a weight w
            // on example i puts λ/w on its diagonal entry.
            let totalWeight = sampleWeights.reduce(0, +)
            for column in 0..<c {
                var sum: Float = 0
                for i in 0..<n { sum += sampleWeights[i] * residual[i * c + column] }
                bias[column] = sum / totalWeight
                for i in 0..<n { residual[i * c + column] -= bias[column] }
            }
            let ridge = sampleWeights.map { options.regularization / $0 }
            let dual: DenseMatrix
            if solver == .exactRidge, let matrix {
                var gram = matrix.gram()
                for i in 0..<n { gram.values[i * n + i] += ridge[i] }
                let targets = try DenseMatrix(rows: n, columns: c, values: residual)
                do {
                    if leaveOneOut {
                        // Leave-one-out scores in closed form: with G = X·Xᵀ + D and A = G⁻¹·R,
                        // row i's residual without row i in the fit is A_i / (G⁻¹)_ii (the bias held fixed).
                        let inverseDiagonal: [Float]
                        (dual, inverseDiagonal) = try CholeskySolver.solveWithInverseDiagonal(gram, targets)
                        var scores = DenseMatrix(rows: n, columns: c)
                        for i in 0..<n {
                            for column in 0..<c {
                                scores.values[i * c + column] = (truth[i] == column ? 1 : 0)
                                    - dual.values[i * c + column] / inverseDiagonal[i]
                            }
                        }
                        leaveOneOutScores = scores
                    } else {
                        dual = try CholeskySolver.solve(gram, targets)
                    }
                } catch {
                    throw ClassifierError.numerical("ridge system: \(error)")
                }
                report(.solved(solver: solver, iterations: nil))
            } else {
                let layout = rows.prepareForSolver()
                let solution: [Float], iterations: Int
                if solver == .conjugateGradient {
                    (solution, iterations) = RidgeConjugateGradient.solve(
                        rows: rows, layout: layout, targets: residual, labelCount: c, ridge: ridge)
                    residual = []
                } else {
                    // The targets are handed over: the solver frees them when done.
                    (solution, iterations) = RidgeCoordinateDescent.solve(
                        rows: rows, layout: layout, targets: consume residual, truth: truth, labelCount: c,
                        ridge: ridge, seed: options.samplingSeed) { epoch, share in
                        report(.epoch(number: epoch, maximum: RidgeCoordinateDescent.maximumEpochs, changedShare: share))
                    }
                }
                rows.restoreNumbering(layout)
                matrix = ExampleMatrix(rows: rows, densified: false)
                dual = try DenseMatrix(rows: n, columns: c, values: solution)
                report(.solved(solver: solver, iterations: iterations))
            }
            if !hasPrior { weights = DenseMatrix(rows: featureCount, columns: c) }
            try matrix?.addTransposedProduct(dual, into: &weights)
        }
        return FittedParts(vectorizer: vectorizer, weights: weights, bias: bias, leaveOneOutScores: leaveOneOutScores)
    }

    private func report(_ phase: TrainingPhase) {
        phaseObserver?(phase)
    }

    /// Scores of sparse vectors against dense weights (used before a model exists).
    static func scores(_ vectors: [SparseVector], weights: DenseMatrix, bias: [Float]) throws -> [[Float]] {
        let c = bias.count
        return weights.values.withUnsafeBufferPointer { w in
            vectors.map { vector in
                (0..<c).map { bias[$0] + vector.dot(dense: w, stride: c, offset: $0) }
            }
        }
    }

    /// Inner folds: one per group (sorted) when examples carry at least three groups,
    /// otherwise `index mod fallbackFolds`.
    static func innerFolds(_ examples: [LabeledText], fallbackFolds: Int) -> [[Int]] {
        let groups = Set(examples.compactMap(\.group)).sorted()
        if groups.count >= 3, examples.allSatisfy({ $0.group != nil }) {
            return groups.map { group in examples.indices.filter { examples[$0].group == group } }
        }
        let k = min(fallbackFolds, examples.count)
        return (0..<k).map { fold in examples.indices.filter { $0 % k == fold } }
    }

    /// Keeps the `limit` features whose weight rows have the largest norms (ties by index),
    /// in their original order.
    static func pruned(_ parts: FittedParts, keeping limit: Int) -> FittedParts {
        let featureCount = parts.vectorizer.vocabulary.count
        guard featureCount > limit else { return parts }
        let c = parts.bias.count
        var norms = [Float](repeating: 0, count: featureCount)
        for index in 0..<featureCount {
            var s: Float = 0
            for column in 0..<c { let w = parts.weights.values[index * c + column]; s += w * w }
            norms[index] = s
        }
        let kept = (0..<featureCount)
            .sorted { norms[$0] != norms[$1] ? norms[$0] > norms[$1] : $0 < $1 }
            .prefix(limit).sorted()
        var weights = DenseMatrix(rows: kept.count, columns: c)
        for (row, index) in kept.enumerated() {
            for column in 0..<c { weights.values[row * c + column] = parts.weights.values[index * c + column] }
        }
        let vectorizer = TFIDFVectorizer(
            options: parts.vectorizer.options,
            vocabulary: Vocabulary(keys: kept.map { parts.vectorizer.vocabulary.keys[$0] }),
            idf: kept.map { parts.vectorizer.idf[$0] })
        return FittedParts(vectorizer: vectorizer, weights: weights, bias: parts.bias)
    }
}
