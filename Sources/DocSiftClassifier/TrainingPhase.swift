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
    /// One epoch of ridge coordinate descent ended (of at most `maximum`); `changedShare` of
    /// the training predictions changed in it (the solver stops when that is small).
    case epoch(number: Int, maximum: Int, changedShare: Double)

    /// One line for a log.
    public var summary: String {
        switch self {
        case .counted(let documents, let distinct, let entries):
            return "counted \(documents) documents: \(distinct) distinct n-grams, \(entries) row entries"
        case .vectorized(let features, let nonzeros):
            return "vectorized: \(features) features, \(nonzeros) non-zeros"
        case .solved(let solver, let iterations):
            return "solved by \(solver.rawValue)" + (iterations.map { " in \($0) iterations" } ?? "")
        case .epoch(let number, let maximum, let share):
            return "solving: epoch \(number) (at most \(maximum)), \((10_000 * share).rounded() / 100)% of predictions changed"
        }
    }
}

/// How the linear model is solved.
public enum TrainingSolver: String, Sendable, Codable, Equatable, CaseIterable {
    /// Squared loss, exactly: the `n × n` Gram matrix and a Cholesky solve (BLAS/LAPACK).
    case exactRidge = "exact_ridge"
    /// Squared loss, the same system by conjugate gradients over the sparse rows.
    case conjugateGradient = "conjugate_gradient"
    /// Dual coordinate descent over the sparse rows: for the squared hinge LIBLINEAR's, for
    /// the squared loss Gauss–Seidel over the examples on the same system as `exact_ridge`.
    case dualCoordinateDescent = "dual_coordinate_descent"
}
