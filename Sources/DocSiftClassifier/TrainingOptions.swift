import DocSiftFeatures

/// The loss the linear classifier minimizes (both with an L2 penalty toward the prior).
public enum ClassifierLoss: String, Sendable, Codable, Equatable, CaseIterable {
    /// Least squares on one-hot targets (ridge classifier): one Cholesky solve for all labels.
    case squared
    /// One-vs-rest squared hinge (L2-loss linear SVM), by dual coordinate descent (no Gram matrix).
    case squaredHinge = "squared_hinge"
}

/// Every knob of ``TopicClassifierTrainer``; the same examples, profiles, background and
/// options always give the same model bytes.
public struct TrainingOptions: Sendable, Codable, Equatable {
    /// Character n-gram lengths and folding.
    public var ngrams: NGramOptions
    /// Drop n-grams seen in fewer training documents (examples plus pseudo-documents).
    public var minDocumentFrequency: Int
    /// Keep at most this many n-grams in the vectorizer vocabulary (most frequent first).
    public var maxVocabulary: Int?
    /// Keep at most this many features in the saved model: those whose weight rows have
    /// the largest norms. `nil` keeps every feature.
    public var maxModelFeatures: Int?
    /// The training loss.
    public var loss: ClassifierLoss
    /// Ridge penalty λ: how far the examples may pull the weights away from the profile prior.
    public var regularization: Float
    /// Length of each topic's prior weight vector (the normalized centroid of its pseudo-documents).
    public var profilePriorScale: Float
    /// Pseudo-documents sampled per profiled topic.
    public var pseudoDocumentsPerTopic: Int
    /// Phrases per pseudo-document.
    public var phrasesPerPseudoDocument: Int
    /// Seed of the pseudo-document sampler.
    public var samplingSeed: UInt64
    /// Probabilities are `softmax(softmaxScale · scores)`.
    public var softmaxScale: Float
    /// The label answered when no topic is confident (e.g. `other`); `nil`, or a label the
    /// model does not know, disables abstaining and threshold selection.
    public var abstainLabel: String?
    /// Choose per-topic thresholds by cross-validation inside the training set.
    public var selectsThresholds: Bool
    /// Folds for threshold selection when examples carry fewer than three groups.
    public var thresholdFolds: Int
    /// A topic other than the label (and not the abstain label) is listed as secondary when
    /// its probability reaches this value (measured on seeds LOPO: 3 of 11 annotated
    /// secondaries found, 3 false ones, at 0.15).
    public var minimumSecondaryProbability: Float
    /// When set, background texts also enter training as examples of this label (e.g.
    /// `other`), so that vocabulary common in general news does not count as topic evidence.
    /// They never enter the vocabulary, and are never held out by cross-validation.
    public var backgroundExampleLabel: String?
    /// Weight of each background example in the loss (real examples weigh 1).
    public var backgroundExampleWeight: Float
    /// At most this many background texts become examples (evenly spaced, deterministic).
    public var maxBackgroundExamples: Int
    /// Abstain thresholds are chosen from 0, 0.05, … up to this value: a cap that keeps
    /// thresholds chosen on a few dozen articles from silencing a topic on new sources.
    public var maximumAbstainThreshold: Float
    /// The solver for the squared loss; `nil` picks the cheaper by
    /// ``solver(rowCount:nonzeros:featureCount:labelCount:)``.
    public var ridgeSolver: TrainingSolver?

    /// Whether training text is prepared with traditional → simplified conversion (recorded
    /// in the model as ``TopicModel/convertsTraditional``; `--no-convert` turns it off).
    public var convertsTraditional = true

    /// Options tuned for the seed topics: char 1–3-grams, profile prior, abstain to `other`.
    public init(
        ngrams: NGramOptions = NGramOptions(),
        minDocumentFrequency: Int = 1,
        maxVocabulary: Int? = nil,
        maxModelFeatures: Int? = nil,
        loss: ClassifierLoss = .squared,
        regularization: Float = 30,
        profilePriorScale: Float = 20,
        pseudoDocumentsPerTopic: Int = 20,
        phrasesPerPseudoDocument: Int = 30,
        samplingSeed: UInt64 = 20_231_123,
        softmaxScale: Float = 1,
        abstainLabel: String? = "other",
        selectsThresholds: Bool = true,
        thresholdFolds: Int = 5,
        minimumSecondaryProbability: Float = 0.15,
        maximumAbstainThreshold: Float = 0.5,
        backgroundExampleLabel: String? = "other",
        backgroundExampleWeight: Float = 1,
        maxBackgroundExamples: Int = 400,
        ridgeSolver: TrainingSolver? = nil
    ) {
        self.ridgeSolver = ridgeSolver
        self.ngrams = ngrams
        self.minDocumentFrequency = minDocumentFrequency
        self.maxVocabulary = maxVocabulary
        self.maxModelFeatures = maxModelFeatures
        self.loss = loss
        self.regularization = regularization
        self.profilePriorScale = profilePriorScale
        self.pseudoDocumentsPerTopic = pseudoDocumentsPerTopic
        self.phrasesPerPseudoDocument = phrasesPerPseudoDocument
        self.samplingSeed = samplingSeed
        self.softmaxScale = softmaxScale
        self.abstainLabel = abstainLabel
        self.selectsThresholds = selectsThresholds
        self.thresholdFolds = thresholdFolds
        self.minimumSecondaryProbability = minimumSecondaryProbability
        self.maximumAbstainThreshold = maximumAbstainThreshold
        self.backgroundExampleLabel = backgroundExampleLabel
        self.backgroundExampleWeight = backgroundExampleWeight
        self.maxBackgroundExamples = maxBackgroundExamples
    }

    /// Options for a plain corpus with its own labels (cnews, THUCNews): no profiles, no
    /// abstaining, no threshold selection, and n-grams that span punctuation and spaces.
    /// Measured (release, 1 core), squared loss, λ = 0.03: cnews 5-fold 0.9757 and THUCNews
    /// titles 0.8791 with n-grams spanning punctuation (0.9742 and 0.8709 without).
    public static func corpus(loss: ClassifierLoss = .squared, regularization: Float = 0.03, maxModelFeatures: Int? = nil) -> TrainingOptions {
        TrainingOptions(
            ngrams: NGramOptions(includesPunctuation: true),
            maxModelFeatures: maxModelFeatures, loss: loss, regularization: regularization,
            pseudoDocumentsPerTopic: 0, softmaxScale: 10, abstainLabel: nil, selectsThresholds: false,
            backgroundExampleLabel: nil)
    }

    /// ``corpus(loss:regularization:maxModelFeatures:)`` fitted to the examples:
    ///
    /// - **Loss.** The ridge classifier (squared loss, λ = 0.03), whatever the size: its
    ///   solver is chosen by cost (``solver(rowCount:nonzeros:featureCount:labelCount:)``),
    ///   so no `n × n` matrix is formed for large corpora.
    /// - **Minimum document frequency by length.** 2 when the median example is at least
    ///   ``longDocumentCharacters`` long, else 1. In long articles, an n-gram found in a
    ///   single training document is mostly a name or a number; at the top of the IDF scale
    ///   it takes a large share of each vector's norm. In headlines, such n-grams are much of
    ///   the signal. Measured: cnews 0.9757 → 0.9787 with min df 2 (705k → 177k features),
    ///   THUCNews titles 0.8791 → 0.8615. Inner cross-validation on the cnews training
    ///   folds did not separate the two, so this is a rule from these measurements, not a
    ///   per-dataset search.
    public static func corpus(for examples: [LabeledText]) -> TrainingOptions {
        var options = corpus(loss: .squared, regularization: 0.03)
        options.minDocumentFrequency = minimumDocumentFrequency(forMedianLength: medianLength(examples.lazy.map(\.text)))
        return options
    }

    /// The minimum document frequency ``corpus(for:)`` uses for a corpus whose median example
    /// has `median` characters.
    public static func minimumDocumentFrequency(forMedianLength median: Int) -> Int {
        median >= longDocumentCharacters ? 2 : 1
    }

    /// The median length in characters (Unicode scalars) of `texts`.
    static func medianLength<S: Sequence>(_ texts: S) -> Int where S.Element == String {
        let lengths = texts.map { $0.unicodeScalars.count }.sorted()
        return lengths.isEmpty ? 0 : lengths[lengths.count / 2]
    }

    /// The median example length (in characters) from which ``corpus(for:)`` drops n-grams
    /// seen in one training document only.
    public static let longDocumentCharacters = 200

    /// The solver a fit with these options uses for `rowCount` examples with `nonzeros`
    /// stored entries over `featureCount` features and `labelCount` labels.
    ///
    /// The squared hinge has one solver (dual coordinate descent). The squared loss has two
    /// for the same system, with estimated costs (constants measured on the benchmark machine,
    /// one thread):
    /// - exact: the Gram matrix (`n²·d` BLAS flops when the densified rows fit
    ///   `ExampleMatrix/denseBudget`, else `n · nonzeros` at `sparseGramStepsPerSecond`)
    ///   plus the Cholesky factorization (`n³/3` flops at `blasFlopsPerSecond`); it holds
    ///   `n²` floats;
    /// - dual coordinate descent: `typicalEpochs` epochs of `2 · nonzeros · labels` sparse
    ///   multiply-adds at `sparseMultiplyAddsPerSecond` (`RidgeCoordinateDescent`: the
    ///   training predictions settle within a few epochs whatever `n`; conjugate gradients,
    ///   `--solver conjugate_gradient`, needed 19 iterations at 10,000 mixed titles, 71 at
    ///   40,000 and 115 at 100,000).
    /// The exact solve is taken while it is affordable outright, its `n × n` matrix within
    /// `ExampleMatrix/denseBudget` and its estimate within `exactSolveBudgetSeconds`: it
    /// is exact, so its result does not depend on a stopping rule (the shipped model and
    /// the cnews folds are solved this way). Beyond that, whichever estimate is lower: for
    /// the corpora measured here that is coordinate descent from a few thousand examples on
    /// (10,000 titles: exact 17 s estimated, coordinate descent 0.05 s measured).
    public func solver(rowCount n: Int, nonzeros: Int, featureCount d: Int, labelCount c: Int) -> TrainingSolver {
        if loss == .squaredHinge { return .dualCoordinateDescent }
        if let ridgeSolver { return ridgeSolver }
        let exact = Self.exactSolveSeconds(rowCount: n, nonzeros: nonzeros, featureCount: d)
        if n * n <= ExampleMatrix.denseBudget, exact <= Self.exactSolveBudgetSeconds { return .exactRidge }
        let iterative = Self.typicalEpochs * 2 * Double(nonzeros) * Double(c) / Self.sparseMultiplyAddsPerSecond
        return n * n <= ExampleMatrix.denseBudget && exact <= iterative ? .exactRidge : .dualCoordinateDescent
    }

    /// Estimated seconds of the exact solve (Gram matrix and Cholesky factorization).
    static func exactSolveSeconds(rowCount n: Int, nonzeros: Int, featureCount d: Int) -> Double {
        let rows = Double(n)
        let gram = n * d <= ExampleMatrix.denseBudget
            ? rows * rows * Double(d) / blasFlopsPerSecond
            : rows * Double(nonzeros) / sparseGramStepsPerSecond
        return gram + rows * rows * rows / 3 / blasFlopsPerSecond
    }

    /// Coordinate-descent epochs assumed by the cost estimate.
    static let typicalEpochs: Double = 5
    /// Single-precision BLAS speed of the benchmark machine (OpenBLAS, one thread; see BENCHMARKS.md).
    static let blasFlopsPerSecond: Double = 19e9
    /// Sparse multiply-adds per second of the iterative solvers (measured: about 0.8 ns each).
    static let sparseMultiplyAddsPerSecond: Double = 1.2e9
    /// `rows × nonzeros` per second of the sparse Gram matrix (``SparseGram``; measured on a
    /// cnews fold: 1,052 rows × 1.29 M non-zeros in 0.20 s with the Cholesky solve).
    static let sparseGramStepsPerSecond: Double = 7e9
    /// The exact solve is taken outright when estimated below this.
    static let exactSolveBudgetSeconds: Double = 1

    /// Throws when a value is out of range.
    public func validate() throws {
        guard regularization.isFinite, regularization > 0 else {
            throw ClassifierError.invalidTraining("regularization must be positive, got \(regularization)")
        }
        guard profilePriorScale.isFinite, profilePriorScale >= 0, softmaxScale.isFinite, softmaxScale > 0 else {
            throw ClassifierError.invalidTraining("profilePriorScale must be ≥ 0 and softmaxScale > 0")
        }
        guard pseudoDocumentsPerTopic >= 0, phrasesPerPseudoDocument >= 0, minDocumentFrequency >= 1,
              thresholdFolds >= 2, maximumAbstainThreshold.isFinite, maximumAbstainThreshold >= 0,
              backgroundExampleWeight.isFinite, backgroundExampleWeight > 0, maxBackgroundExamples >= 0 else {
            throw ClassifierError.invalidTraining("counts must be non-negative, minDocumentFrequency ≥ 1, thresholdFolds ≥ 2")
        }
        if let maxVocabulary, maxVocabulary < 1 {
            throw ClassifierError.invalidTraining("maxVocabulary must be positive")
        }
        if let maxModelFeatures, maxModelFeatures < 1 {
            throw ClassifierError.invalidTraining("maxModelFeatures must be positive")
        }
    }
}
