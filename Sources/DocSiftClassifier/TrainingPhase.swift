/// A phase of a training fit that has just ended, reported to
/// ``TopicClassifierTrainer/phaseObserver`` (the CLI prints time and peak memory per phase).
public enum TrainingPhase: Sendable, Equatable {
    /// Every document was cut into n-grams and counted once.
    case counted(documents: Int, distinctNGrams: Int, entries: Int)
    /// The vocabulary was chosen and the rows rewritten as TF-IDF vectors.
    case vectorized(features: Int, nonzeros: Int)
    /// The linear model was solved (`iterations`: conjugate-gradient iterations or passes
    /// of coordinate descent).
    case solved(solver: TrainingSolver, iterations: Int?)

    /// One line for a log.
    public var summary: String {
        switch self {
        case .counted(let documents, let distinct, let entries):
            return "counted \(documents) documents: \(distinct) distinct n-grams, \(entries) row entries"
        case .vectorized(let features, let nonzeros):
            return "vectorized: \(features) features, \(nonzeros) non-zeros"
        case .solved(let solver, let iterations):
            return "solved by \(solver.rawValue)" + (iterations.map { " in \($0) iterations" } ?? "")
        }
    }
}

/// How the linear model is solved.
public enum TrainingSolver: String, Sendable, Codable, Equatable, CaseIterable {
    /// Squared loss, exactly: the `n × n` Gram matrix and a Cholesky solve (BLAS/LAPACK).
    case exactRidge = "exact_ridge"
    /// Squared loss, the same system by conjugate gradients over the sparse rows.
    case conjugateGradient = "conjugate_gradient"
    /// Squared hinge, by dual coordinate descent over the sparse rows.
    case dualCoordinateDescent = "dual_coordinate_descent"
}
